package org.mediamonitor.aggregate;

import java.util.List;
import java.util.function.Function;

import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.TallyFigures;

/** Arithmetic on {@link ChargeCounts}, and the seven figures named once, as the API spells them. */
public final class Counts {

  /** One figure: its API name and how to read it from computed and from reported tallies. */
  public record Field(String name, Function<ChargeCounts, Long> computed, Function<TallyFigures, Long> reported) {}

  public static final List<Field> FIELDS = List.of(
      new Field("criminal", ChargeCounts::getCriminal, TallyFigures::getCriminal),
      new Field("criminal_in_court", ChargeCounts::getCriminalInCourt, TallyFigures::getCriminalInCourt),
      new Field("civil", ChargeCounts::getCivil, TallyFigures::getCivil),
      new Field("civil_honor_dignity", ChargeCounts::getCivilHonorDignity, TallyFigures::getCivilHonorDignity),
      new Field("administrative", ChargeCounts::getAdministrative, TallyFigures::getAdministrative),
      new Field("damages_claimed_kzt", ChargeCounts::getDamagesClaimedKzt, TallyFigures::getDamagesClaimedKzt),
      new Field("damages_awarded_kzt", ChargeCounts::getDamagesAwardedKzt, TallyFigures::getDamagesAwardedKzt));

  private Counts() {}

  public static ChargeCounts zero() {
    return new ChargeCounts(0L, 0L, 0L, 0L, 0L, 0L, 0L);
  }

  public static ChargeCounts plus(ChargeCounts a, ChargeCounts b) {
    return new ChargeCounts(
        a.getCriminal() + b.getCriminal(),
        a.getCriminalInCourt() + b.getCriminalInCourt(),
        a.getCivil() + b.getCivil(),
        a.getCivilHonorDignity() + b.getCivilHonorDignity(),
        a.getAdministrative() + b.getAdministrative(),
        a.getDamagesClaimedKzt() + b.getDamagesClaimedKzt(),
        a.getDamagesAwardedKzt() + b.getDamagesAwardedKzt());
  }

  public static ChargeCounts minus(ChargeCounts a, ChargeCounts b) {
    return new ChargeCounts(
        a.getCriminal() - b.getCriminal(),
        a.getCriminalInCourt() - b.getCriminalInCourt(),
        a.getCivil() - b.getCivil(),
        a.getCivilHonorDignity() - b.getCivilHonorDignity(),
        a.getAdministrative() - b.getAdministrative(),
        a.getDamagesClaimedKzt() - b.getDamagesClaimedKzt(),
        a.getDamagesAwardedKzt() - b.getDamagesAwardedKzt());
  }

  public static boolean isZero(ChargeCounts c) {
    return zero().equals(c);
  }

  /** Charges counted for a spike-alert kind: {@code criminal}, or {@code criminal_administrative}. */
  public static long prosecutions(ChargeCounts c, String alertKind) {
    return switch (alertKind) {
      case SpikeDetector.KIND_CRIMINAL -> c.getCriminal();
      case SpikeDetector.KIND_CRIMINAL_ADMINISTRATIVE -> c.getCriminal() + c.getAdministrative();
      default -> throw new IllegalArgumentException("unknown alert kind " + alertKind);
    };
  }
}
