package org.mediamonitor.enrich.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A plain throughput harness (not a test): classifies invented articles of about 5 KB on one
 * thread and prints articles/s and MB/s. Run with
 * {@code mvn -q -o -pl enrich test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.mediamonitor.enrich.classify.ClassifierBenchmark} or plain {@code java}.
 */
public final class ClassifierBenchmark {

  private static final String[] SENTENCES = {
      "On March 3, reporter Aigerim Nurova of the invented Steppe Herald was pushed out of an open akimat meeting.",
      "Police opened a criminal case under Article 274 of the Criminal Code against blogger Daniyar Ospanov.",
      "The regional akim filed a lawsuit for protection of honour, dignity and business reputation, claiming 5 million tenge.",
      "The court fined the editor under Article 456-2 of the Code of Administrative Offences.",
      "The invented news site Dala Info was blocked in Kazakhstan without explanation.",
      "В отношении блогера Ивана Сомова возбуждено уголовное дело по ч. 1 ст. 274 УК РК.",
      "Суд взыскал с редакции выдуманной газеты 1 млн 190 тыс. тенге морального вреда.",
      "Журналиста задержали у здания акимата и доставили в полицию.",
      "Блогер Ержан Досовқа қатысты ҚР ҚК 274-бабы бойынша сотқа дейінгі тергеу басталды.",
      "Тілшіні әкімдік отырысынан шығарып жіберді, оның телефонын тартып алды.",
      "The ministry forecasts a harvest of 17 million tons of wheat this year.",
      "Prices for vegetables rose by 3 percent in the regional markets last month.",
  };

  private ClassifierBenchmark() {}

  public static void main(String[] args) {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Classifier classifier = Classifier.compile(Taxonomy.bundled());
    Random random = new Random(42);
    List<String> corpus = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < 500; i++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 5_000) {
        b.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(random.nextInt(5) == 0 ? "\n\n" : " ");
      }
      corpus.add(b.toString());
    }
    Instant published = Instant.parse("2024-06-20T10:00:00Z");
    for (int i = 0; i < 2_000; i++) {
      classifier.classify(null, corpus.get(i % corpus.size()), published, null);
    }
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < articles; i++) {
      String body = corpus.get(i % corpus.size());
      bytes += body.length();
      sink += classifier.classify(null, body, published, null).violationTypes().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%d articles of ~5 KB in %.2f s: %.0f articles/s, %.1f MB/s (checksum %d)%n",
        articles, seconds, articles / seconds, bytes / seconds / 1e6, sink);
  }
}
