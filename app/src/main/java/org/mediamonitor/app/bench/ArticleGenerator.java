package org.mediamonitor.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Invented news articles for the benchmark, in English, Russian and Kazakh, 2–8 KB of UTF-8 each.
 * A share of them reports a charge (a criminal case under art. 274 or 174 of the Criminal Code, a
 * civil suit for the protection of honour and dignity with an amount in tenge, or an administrative
 * fine); others report a violation without a charge, the rest are ordinary local news. Every
 * person and outlet is invented. Bodies differ: templates are filled with random names, towns and
 * numbers, and padded with random neutral sentences, so no two articles share a content hash.
 * The same seed gives the same articles.
 */
public final class ArticleGenerator {

  public static final int MIN_BYTES = 2 * 1024;
  public static final int MAX_BYTES = 8 * 1024;

  /** What an article reports, by construction. */
  public enum Kind {
    CRIMINAL, CIVIL, ADMINISTRATIVE, VIOLATION, NEWS;

    public boolean charge() {
      return this == CRIMINAL || this == CIVIL || this == ADMINISTRATIVE;
    }
  }

  /** One article as the ingest API takes it ({@code publishedAt} is ISO-8601 with the +05:00 offset). */
  public record Article(String url, String source, String title, String body, String publishedAt, String language,
      Kind kind) {

    public int bodyBytes() {
      return body.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private record Person(String first, String last, boolean female) {
    String name() {
      return first + " " + last;
    }
  }

  private record Outlet(String name, String domain) {}

  private static final Person[] PEOPLE = {
      new Person("Arman", "Testov", false), new Person("Aigerim", "Nurova", true),
      new Person("Daniyar", "Ospanov", false), new Person("Saule", "Kenzhebekova", true),
      new Person("Yerlan", "Sadykov", false), new Person("Madina", "Omarova", true),
      new Person("Timur", "Zhaksylykov", false), new Person("Gulnara", "Abenova", true),
      new Person("Nurlan", "Beisenov", false), new Person("Aliya", "Karimova", true),
      new Person("Bolat", "Sarsenbayev", false), new Person("Dinara", "Yesimova", true),
  };
  private static final Person[] PEOPLE_CYR = {
      new Person("Арман", "Тестов", false), new Person("Айгерим", "Нурова", true),
      new Person("Данияр", "Оспанов", false), new Person("Сауле", "Кенжебекова", true),
      new Person("Ерлан", "Садыков", false), new Person("Мадина", "Омарова", true),
      new Person("Тимур", "Жаксылыков", false), new Person("Гульнара", "Абенова", true),
      new Person("Нурлан", "Бейсенов", false), new Person("Алия", "Каримова", true),
      new Person("Болат", "Сарсенбаев", false), new Person("Динара", "Есимова", true),
  };
  private static final Outlet[] OUTLETS_EN = {
      new Outlet("Steppe Herald", "steppe-herald.example"), new Outlet("Irtysh Morning", "irtysh-morning.example"),
      new Outlet("Dala Info", "dala-info.example"), new Outlet("Caspian Courier", "caspian-courier.example"),
  };
  private static final Outlet[] OUTLETS_RU = {
      new Outlet("Вечерний Ишим", "vecherniy-ishim.example"), new Outlet("Южный квартал", "yuzhny-kvartal.example"),
      new Outlet("Степной вестник", "stepnoy-vestnik.example"), new Outlet("Голос Тобола", "golos-tobola.example"),
  };
  private static final Outlet[] OUTLETS_KK = {
      new Outlet("Дала жаршысы", "dala-zharshysy.example"), new Outlet("Ертіс таңы", "ertis-tany.example"),
      new Outlet("Жетісу үні", "zhetisu-uni.example"), new Outlet("Арал хабары", "aral-habary.example"),
  };
  private static final String[] TOWNS_EN = {"Taraz", "Pavlodar", "Shymkent", "Aktobe", "Oral", "Semey", "Kostanay", "Atyrau"};
  private static final String[] TOWNS_CYR = {"Тараз", "Павлодар", "Шымкент", "Актобе", "Уральск", "Семей", "Костанай", "Атырау"};
  private static final String[] ROLES_EN = {"blogger", "journalist", "editor", "civic activist", "reporter"};
  private static final String[] ROLES_RU = {"блогер", "журналист", "редактор", "гражданский активист"};
  private static final String[] ROLES_KK = {"блогер", "журналист", "редактор", "белсенді"};

  // charge sentences: {P} person, {R} role, {T} town, {O} outlet, {A} article, {N} number, {M} amount
  private static final String[] CRIMINAL_EN = {
      "Police in {T} opened a criminal case against {R} {P} under Article {A} of the Criminal Code ({AN}).",
      "The {T} city court began hearing the criminal case of {R} {P}, charged under Article {A} of the Criminal Code ({AN}).",
      "A court in {T} sentenced {R} {P} to {N} years of restricted freedom under Article {A} of the Criminal Code ({AN}).",
  };
  private static final String[] CIVIL_EN = {
      "A {T} construction company filed a lawsuit for the protection of honour, dignity and business reputation against {O} and its journalist {P}, claiming {M} million tenge in moral damages.",
      "The {T} district akim sued {R} {P} for the protection of honour and dignity over a post about road repairs and asks for {M} million tenge in compensation.",
  };
  private static final String[] ADMIN_EN = {
      "The {T} administrative court fined {R} {P} {M}0,000 tenge under Article 456-2 of the Code of Administrative Offences for spreading false information.",
      "{R_CAP} {P} was fined {M}0,000 tenge under Article 73-3 of the Code of Administrative Offences (defamation) by a court in {T}.",
  };
  private static final String[] VIOLATION_EN = {
      "Reporter {P} of {O} was pushed out of an open meeting of the {T} akimat and told to stop filming.",
      "Unknown men attacked a cameraman of {O} in {T} and broke his camera while he was filming the demolition of kiosks.",
      "The website of {O} was blocked in Kazakhstan without explanation, its editor {P} said.",
  };
  private static final String[] NEWS_EN = {
      "The {T} akimat announced the repair of {N} streets before the heating season.",
      "Farmers in the {T} region expect a wheat harvest of {N} million tons this year.",
      "A new bus route will link the centre of {T} with the railway station from next month.",
  };
  private static final String[] FILLER_EN = {
      "Residents of {T} said the weather had been unusually warm for the season, with temperatures around {N} degrees.",
      "The regional statistics office reported that retail prices rose by {N} percent over the past quarter.",
      "Local farmers told our correspondent that they had finished sowing earlier than last year.",
      "The city library in {T} will stay open until eight in the evening during the exam period.",
      "According to the regional transport department, {N} new buses will be delivered by the end of the year.",
      "A youth football tournament brought together {N} teams from across the region last weekend.",
      "Engineers are still replacing old water pipes in the northern districts of {T}.",
      "The regional museum opened an exhibition of felt carpets and traditional jewellery.",
      "Traffic on the main avenue was slowed for several hours because of road works.",
      "Teachers in {T} prepared a programme of summer classes for {N} schoolchildren.",
      "The price of a loaf of bread at the central market has stayed at about {N}0 tenge.",
      "Volunteers planted {N} trees along the river embankment on Saturday morning.",
  };

  private static final String[] CRIMINAL_RU = {
      "{R_CAP} {P} {BECAME} фигурантом уголовного дела по ст. {A} УК РК ({AN_RU}), сообщила полиция города {T}.",
      "Суд города {T} начал рассмотрение уголовного дела по ст. {A} УК РК ({AN_RU}); обвиняемый — {R} {P}.",
      "{R_CAP} {P} {SENTENCED} судом города {T} к {N} годам ограничения свободы по ст. {A} УК РК ({AN_RU}).",
  };
  private static final String[] CIVIL_RU = {
      "Строительная компания из города {T} подала иск о защите чести, достоинства и деловой репутации к изданию «{O}», требуя взыскать {M} млн тенге морального вреда.",
      "Аким района в городе {T} подал иск о защите чести и достоинства к изданию «{O}» и требует {M} млн тенге компенсации.",
  };
  private static final String[] ADMIN_RU = {
      "{R_CAP} {P} {FINED} судом города {T} на {M}0 тыс. тенге по ст. 456-2 КоАП РК за распространение ложной информации.",
      "Административный суд города {T} признал {R_ACC} {P} виновным по ст. 73-3 КоАП РК (клевета) и назначил штраф в {M}0 тыс. тенге.",
  };
  private static final String[] VIOLATION_RU = {
      "Журналиста издания «{O}» не пустили на открытое заседание акимата города {T} и потребовали прекратить съёмку.",
      "В городе {T} неизвестные напали на оператора издания «{O}» и разбили его камеру.",
      "Сайт издания «{O}» заблокирован в Казахстане без объяснения причин, сообщила редакция.",
  };
  private static final String[] NEWS_RU = {
      "Акимат города {T} объявил о ремонте {N} улиц до начала отопительного сезона.",
      "Аграрии региона ожидают урожай пшеницы в {N} млн тонн.",
      "В городе {T} с будущего месяца появится новый автобусный маршрут до вокзала.",
  };
  private static final String[] FILLER_RU = {
      "Жители города {T} отмечают, что погода в эти дни необычно тёплая, около {N} градусов.",
      "По данным областного управления статистики, розничные цены за квартал выросли на {N} процента.",
      "Фермеры рассказали нашему корреспонденту, что закончили посевную раньше, чем в прошлом году.",
      "Городская библиотека в период экзаменов будет работать до восьми часов вечера.",
      "По словам транспортного управления, до конца года в город поступят {N} новых автобусов.",
      "В минувшие выходные в детском турнире по футболу приняли участие {N} команд области.",
      "Коммунальщики продолжают замену старых водопроводных труб в северных районах города {T}.",
      "В областном музее открылась выставка войлочных ковров и национальных украшений.",
      "Движение на центральном проспекте было затруднено несколько часов из-за ремонта дороги.",
      "Учителя подготовили программу летних занятий для {N} школьников.",
      "Волонтёры в субботу высадили {N} деревьев вдоль набережной.",
  };

  private static final String[] CRIMINAL_KK = {
      "Полиция {T} қаласында {R} {P} есімді азаматқа қатысты ҚР ҚК {A}-бабы бойынша ({AN_KK}) қылмыстық іс қозғады.",
      "{T} қалалық соты {R} {P} есімді азаматтың ҚР ҚК {A}-бабы бойынша ({AN_KK}) қылмыстық ісін қарауды бастады.",
  };
  private static final String[] CIVIL_KK = {
      "{T} қаласындағы құрылыс компаниясы «{O}» басылымына ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы талап арыз беріп, {M} миллион теңге моральдық зиян өндіруді сұрады.",
  };
  private static final String[] ADMIN_KK = {
      "{T} қаласының әкімшілік соты {R} {P} есімді азаматқа ӘҚБтК 456-2-бабы бойынша {M}0 мың теңге айыппұл салды.",
  };
  private static final String[] VIOLATION_KK = {
      "«{O}» тілшісін {T} қаласы әкімдігінің ашық отырысына кіргізбей, түсірілімді тоқтатуды талап етті.",
      "«{O}» сайты Қазақстанда ешбір түсініксіз бұғатталды, деп хабарлады редакция.",
  };
  private static final String[] NEWS_KK = {
      "{T} қаласының әкімдігі жылу маусымына дейін {N} көшені жөндейтінін хабарлады.",
      "Облыс диқандары биыл {N} миллион тонна бидай жинауды күтіп отыр.",
  };
  private static final String[] FILLER_KK = {
      "{T} тұрғындары бұл күндері ауа райы ерекше жылы болғанын, шамамен {N} градус екенін айтады.",
      "Облыстық статистика басқармасының мәліметінше, бөлшек сауда бағасы тоқсан ішінде {N} пайызға өсті.",
      "Фермерлер тілшімізге егіс жұмыстарын былтырғыдан ертерек аяқтағанын айтты.",
      "Қалалық кітапхана емтихан кезінде кешкі сегізге дейін жұмыс істейді.",
      "Көлік басқармасының айтуынша, жыл соңына дейін қалаға {N} жаңа автобус келеді.",
      "Өткен демалыста облыстың {N} командасы балалар футбол турниріне қатысты.",
      "Коммуналдық қызметтер {T} қаласының солтүстік аудандарында ескі су құбырларын ауыстыруды жалғастыруда.",
      "Облыстық мұражайда киіз кілемдер мен ұлттық әшекейлер көрмесі ашылды.",
      "Жол жөндеу жұмыстарына байланысты орталық даңғылда көлік қозғалысы бірнеше сағатқа баяулады.",
      "Еріктілер сенбі күні жағалау бойына {N} ағаш отырғызды.",
  };

  private static final LocalDate NEWEST = LocalDate.of(2025, 9, 30);
  private static final int DAYS_SPAN = 730;

  private final Random random;
  private final double chargeShare;
  private final long seed;
  private long sequence;

  /**
   * @param chargeShare the probability that an article reports a charge (0..1); a third of the
   *     rest report a violation without a charge
   */
  public ArticleGenerator(long seed, double chargeShare) {
    if (chargeShare < 0 || chargeShare > 1) {
      throw new IllegalArgumentException("chargeShare must be within 0..1: " + chargeShare);
    }
    this.seed = seed;
    this.random = new Random(seed);
    this.chargeShare = chargeShare;
  }

  public Article next() {
    long n = sequence++;
    double r = random.nextDouble();
    String language = r < 0.4 ? "en" : r < 0.8 ? "ru" : "kk";
    Kind kind = kind();
    Outlet outlet = pick(language.equals("en") ? OUTLETS_EN : language.equals("ru") ? OUTLETS_RU : OUTLETS_KK);
    Person person = pick(language.equals("en") ? PEOPLE : PEOPLE_CYR);
    String town = pick(language.equals("en") ? TOWNS_EN : TOWNS_CYR);
    String lead = fill(leadTemplate(language, kind), language, person, town, outlet);
    int target = MIN_BYTES + 100 + random.nextInt(MAX_BYTES - MIN_BYTES - 300);
    String body = body(lead, language, town, outlet, target);
    String title = title(lead);
    LocalDate day = NEWEST.minusDays(random.nextInt(DAYS_SPAN));
    LocalTime time = LocalTime.of(7 + random.nextInt(14), random.nextInt(60));
    String publishedAt = OffsetDateTime.of(day, time, ZoneOffset.ofHours(5)).toString();
    String url = String.format(Locale.ROOT, "https://%s/news/%d/%02d/%x-%d", outlet.domain(), day.getYear(),
        day.getMonthValue(), seed, n);
    return new Article(url, outlet.name(), title, body, publishedAt, language, kind);
  }

  /** The next {@code count} articles. */
  public List<Article> next(int count) {
    Article[] out = new Article[count];
    for (int i = 0; i < count; i++) {
      out[i] = next();
    }
    return List.of(out);
  }

  private Kind kind() {
    if (random.nextDouble() < chargeShare) {
      int k = random.nextInt(10);
      return k < 5 ? Kind.CRIMINAL : k < 8 ? Kind.CIVIL : Kind.ADMINISTRATIVE;
    }
    return random.nextInt(3) == 0 ? Kind.VIOLATION : Kind.NEWS;
  }

  private String leadTemplate(String language, Kind kind) {
    return switch (language) {
      case "en" -> pick(switch (kind) {
        case CRIMINAL -> CRIMINAL_EN;
        case CIVIL -> CIVIL_EN;
        case ADMINISTRATIVE -> ADMIN_EN;
        case VIOLATION -> VIOLATION_EN;
        case NEWS -> NEWS_EN;
      });
      case "ru" -> pick(switch (kind) {
        case CRIMINAL -> CRIMINAL_RU;
        case CIVIL -> CIVIL_RU;
        case ADMINISTRATIVE -> ADMIN_RU;
        case VIOLATION -> VIOLATION_RU;
        case NEWS -> NEWS_RU;
      });
      default -> pick(switch (kind) {
        case CRIMINAL -> CRIMINAL_KK;
        case CIVIL -> CIVIL_KK;
        case ADMINISTRATIVE -> ADMIN_KK;
        case VIOLATION -> VIOLATION_KK;
        case NEWS -> NEWS_KK;
      });
    };
  }

  private String body(String lead, String language, String town, Outlet outlet, int targetBytes) {
    String[] fillers = language.equals("en") ? FILLER_EN : language.equals("ru") ? FILLER_RU : FILLER_KK;
    StringBuilder b = new StringBuilder(targetBytes);
    b.append(lead);
    int bytes = utf8(lead);
    int sentencesInParagraph = 1;
    int misses = 0;
    while (bytes < targetBytes && misses < 20) {
      String sentence = fill(pick(fillers), language, null, random.nextInt(4) == 0 ? pick(
          language.equals("en") ? TOWNS_EN : TOWNS_CYR) : town, outlet);
      String sep = sentencesInParagraph >= 3 + random.nextInt(3) ? "\n\n" : " ";
      int add = utf8(sep) + utf8(sentence);
      if (bytes + add > MAX_BYTES) {
        misses++;
        continue;
      }
      b.append(sep).append(sentence);
      bytes += add;
      sentencesInParagraph = sep.equals(" ") ? sentencesInParagraph + 1 : 1;
    }
    return b.toString();
  }

  private static String title(String lead) {
    int cut = Math.min(lead.length(), 90);
    int space = lead.lastIndexOf(' ', cut);
    return (lead.length() <= 90 ? lead : lead.substring(0, space > 20 ? space : cut)).replaceAll("[.,;:]+$", "");
  }

  private String fill(String template, String language, Person person, String town, Outlet outlet) {
    boolean en = language.equals("en");
    String role = pick(en ? ROLES_EN : language.equals("ru") ? ROLES_RU : ROLES_KK);
    boolean criminal274 = random.nextInt(3) != 0;
    String s = template
        .replace("{T}", town)
        .replace("{O}", outlet.name())
        .replace("{A}", criminal274 ? "274" : "174")
        .replace("{AN}", criminal274 ? "dissemination of knowingly false information" : "incitement of social discord")
        .replace("{AN_RU}", criminal274 ? "распространение заведомо ложной информации" : "разжигание социальной розни")
        .replace("{AN_KK}", criminal274 ? "көрінеу жалған ақпарат тарату" : "әлеуметтік алауыздықты қоздыру")
        .replace("{N}", Integer.toString(2 + random.nextInt(40)))
        .replace("{M}", Integer.toString(1 + random.nextInt(49)))
        .replace("{R_CAP}", capitalise(role))
        .replace("{R_ACC}", language.equals("ru") ? accusative(role) : role)
        .replace("{R}", role);
    if (person != null) {
      s = s.replace("{P}", person.name())
          .replace("{BECAME}", person.female() ? "стала" : "стал")
          .replace("{SENTENCED}", person.female() ? "приговорена" : "приговорён")
          .replace("{FINED}", person.female() ? "оштрафована" : "оштрафован");
      if (person.female()) {
        s = s.replace("виновным", "виновной");
      }
    }
    return s;
  }

  private static String accusative(String role) {
    return switch (role) {
      case "блогер" -> "блогера";
      case "журналист" -> "журналиста";
      case "редактор" -> "редактора";
      default -> "гражданского активиста";
    };
  }

  private static String capitalise(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
