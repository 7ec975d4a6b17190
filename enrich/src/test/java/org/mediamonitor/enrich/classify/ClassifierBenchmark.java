package org.mediamonitor.enrich.classify;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A plain throughput harness (not a test): classifies invented articles of about 5 KB on one
 * thread and prints articles/s and MB/s for several rounds, then the best and the median. The
 * articles look like a news feed: each in one language, made mostly of ordinary news sentences;
 * about one in four carries one to three sentences about legal action, attacks or blocking. Run
 * with {@code java -cp enrich/target/test-classes:enrich/target/classes:<deps>
 * org.mediamonitor.enrich.classify.ClassifierBenchmark [articles per round] [rounds] [event share]}, where
 * an event share of 1 gives events to every article (the worst case).
 */
public final class ClassifierBenchmark {

  private static final String[][] ORDINARY = {
      {
          "The ministry forecasts a harvest of 17 million tons of wheat this year, slightly above last season.",
          "Prices for vegetables rose by 3 percent in the regional markets last month, the statistics bureau said.",
          "The city council approved a plan to repair 40 kilometres of roads before the end of October.",
          "A new bus line will connect the airport with the railway station from next Monday.",
          "The national team won the qualifying match 2:1 and will play in the final round in Tashkent.",
          "Weather forecasters expect heavy snow in the northern regions over the weekend.",
          "The central bank kept its base rate at 14.25 percent, citing persistent inflation.",
          "Farmers in the south complained about a shortage of irrigation water during the hot summer.",
          "The theatre opens its season with a new production of an old comedy on September 12.",
          "Exports of grain through the Caspian ports grew by a fifth compared with the first half of last year.",
          "The school in the invented village of Akkol received new computers and a renovated gym.",
          "Doctors recommend vaccination against influenza before the cold season begins.",
          "The oil company reported higher output at its western fields in the second quarter.",
          "Tourists increasingly choose the mountain lakes near the city for weekend trips.",
          "Residents of the district asked the akimat to install street lights along the river embankment.",
      },
      {
          "Министерство прогнозирует урожай пшеницы в 17 миллионов тонн, что немного выше прошлого сезона.",
          "Цены на овощи на региональных рынках за месяц выросли на 3 процента, сообщило бюро статистики.",
          "Городской маслихат утвердил план ремонта 40 километров дорог до конца октября.",
          "С понедельника новый автобусный маршрут свяжет аэропорт с железнодорожным вокзалом.",
          "Сборная выиграла отборочный матч со счётом 2:1 и сыграет в финальном раунде в Ташкенте.",
          "Синоптики ожидают сильный снегопад в северных регионах в выходные дни.",
          "Национальный банк сохранил базовую ставку на уровне 14,25 процента из-за устойчивой инфляции.",
          "Фермеры на юге пожаловались на нехватку поливной воды в жаркое лето.",
          "Театр открывает сезон новой постановкой старой комедии 12 сентября.",
          "Экспорт зерна через каспийские порты вырос на пятую часть по сравнению с первым полугодием.",
          "Школа в выдуманном селе Акколь получила новые компьютеры и отремонтированный спортзал.",
          "Врачи рекомендуют сделать прививку от гриппа до начала холодного сезона.",
          "Нефтяная компания сообщила о росте добычи на западных месторождениях во втором квартале.",
          "Туристы всё чаще выбирают горные озёра рядом с городом для поездок на выходные.",
          "Жители района попросили акимат установить фонари вдоль набережной реки.",
      },
      {
          "Министрлік биыл бидай өнімі 17 миллион тонна болады деп болжайды, бұл өткен маусымнан сәл жоғары.",
          "Өңірлік базарларда көкөніс бағасы өткен айда 3 пайызға өсті, деп хабарлады статистика бюросы.",
          "Қалалық мәслихат қазанның соңына дейін 40 шақырым жолды жөндеу жоспарын бекітті.",
          "Дүйсенбіден бастап жаңа автобус бағыты әуежайды теміржол вокзалымен байланыстырады.",
          "Құрама іріктеу матчында 2:1 есебімен жеңіп, Ташкенттегі финалдық кезеңде ойнайды.",
          "Синоптиктер демалыс күндері солтүстік өңірлерде қалың қар жауады деп күтеді.",
          "Ұлттық банк инфляцияның тұрақтылығына байланысты базалық мөлшерлемені 14,25 пайыз деңгейінде сақтады.",
          "Оңтүстіктегі фермерлер ыстық жазда суармалы судың тапшылығына шағымданды.",
          "Театр маусымды 12 қыркүйекте ескі комедияның жаңа қойылымымен ашады.",
          "Каспий порттары арқылы астық экспорты бірінші жартыжылдықпен салыстырғанда бестен бірге өсті.",
          "Ойдан шығарылған Ақкөл ауылындағы мектеп жаңа компьютерлер мен жөнделген спорт залын алды.",
          "Дәрігерлер суық маусым басталғанға дейін тұмауға қарсы екпе алуға кеңес береді.",
          "Мұнай компаниясы екінші тоқсанда батыс кен орындарында өндіріс өскенін хабарлады.",
          "Туристер демалыс күндері қала маңындағы тау көлдерін жиі таңдайды.",
          "Аудан тұрғындары әкімдіктен өзен жағалауына шам орнатуды сұрады.",
      },
  };

  private static final String[][] EVENTS = {
      {
          "On March 3, reporter Aigerim Nurova of the invented Steppe Herald was pushed out of an open akimat meeting.",
          "Police opened a criminal case under Article 274 of the Criminal Code against blogger Daniyar Ospanov.",
          "The regional akim filed a lawsuit for protection of honour, dignity and business reputation, claiming 5 million tenge.",
          "The court fined the editor under Article 456-2 of the Code of Administrative Offences.",
          "The invented news site Dala Info was blocked in Kazakhstan without explanation.",
          "No criminal case was opened after the complaint of the invented newspaper.",
      },
      {
          "В отношении блогера Ивана Сомова возбуждено уголовное дело по ч. 1 ст. 274 УК РК.",
          "Суд взыскал с редакции выдуманной газеты 1 млн 190 тыс. тенге морального вреда.",
          "Журналиста задержали у здания акимата и доставили в полицию.",
          "Суд отказал в удовлетворении иска чиновника к выдуманному порталу.",
      },
      {
          "Блогер Ержан Досовқа қатысты ҚР ҚК 274-бабы бойынша сотқа дейінгі тергеу басталды.",
          "Тілшіні әкімдік отырысынан шығарып жіберді, оның телефонын тартып алды.",
          "Сот редакцияға 300 мың теңге айыппұл салды.",
      },
  };

  private ClassifierBenchmark() {}

  /** Invented articles of about 5 KB, in one language each, a quarter of them with events. */
  static List<String> corpus(int size, long seed) {
    return corpus(size, seed, 4);
  }

  /** As above, with one article in {@code eventShare} carrying events (1 = every article). */
  static List<String> corpus(int size, long seed, int eventShare) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int lang = random.nextInt(3);
      boolean withEvents = random.nextInt(eventShare) == 0;
      int events = withEvents ? 1 + random.nextInt(3) : 0;
      StringBuilder b = new StringBuilder(5_200);
      int sentence = 0;
      while (b.length() < 5_000) {
        String s = events > 0 && random.nextInt(6) == 0
            ? EVENTS[lang][random.nextInt(EVENTS[lang].length)]
            : ORDINARY[lang][random.nextInt(ORDINARY[lang].length)];
        if (s.startsWith("On ") || s.startsWith("В ") || s.startsWith("Блогер") || s.startsWith("Police")) {
          events--;
        }
        b.append(s).append(++sentence % 4 == 0 ? "\n\n" : " ");
      }
      out.add(b.toString());
    }
    return out;
  }

  public static void main(String[] args) {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int eventShare = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Classifier classifier = Classifier.compile(Taxonomy.bundled());
    List<String> corpus = corpus(1_000, 42, eventShare);
    Instant published = Instant.parse("2024-06-20T10:00:00Z");
    for (int i = 0; i < 3_000; i++) {
      classifier.classify(null, corpus.get(i % corpus.size()), published, null);
    }
    long[] sizes = new long[corpus.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = corpus.get(i).getBytes(StandardCharsets.UTF_8).length;
    }
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    // The machine may be shared: CPU time of this thread shows the cost on one core apart from waits.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long bytes = 0;
      int onTopic = 0;
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < articles; i++) {
        String body = corpus.get(i % corpus.size());
        bytes += sizes[i % sizes.length];
        Classification c = classifier.classify(null, body, published, null);
        sink += c.violationTypes().size() + c.evidence().size();
        onTopic += c.onTopic() ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      rates[r] = articles / seconds;
      cpuRates[r] = articles / cpuSeconds;
      System.out.printf(Locale.ROOT, "round %d: %d articles (avg %d bytes UTF-8, %d on topic) in %.2f s wall, %.2f s CPU:"
          + " %.0f articles/s (%.0f per CPU second), %.1f MB/s%n", r + 1, articles, bytes / articles, onTopic, seconds,
          cpuSeconds, rates[r], cpuRates[r], bytes / seconds / 1e6);
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    double[] cpuSorted = cpuRates.clone();
    Arrays.sort(cpuSorted);
    System.out.printf(Locale.ROOT, "wall clock: best %.0f, median %.0f articles/s; per CPU second: best %.0f, median %.0f"
        + " (checksum %d)%n", sorted[sorted.length - 1], sorted[sorted.length / 2], cpuSorted[cpuSorted.length - 1],
        cpuSorted[cpuSorted.length / 2], sink);
  }
}
