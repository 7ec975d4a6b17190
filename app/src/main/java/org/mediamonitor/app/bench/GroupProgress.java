package org.mediamonitor.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Whether a consumer group (a Streams application) has committed every record of its input
 * topics. Under exactly-once a Streams application commits its input offsets in the same
 * transaction as its output, so once a group's committed offsets reach the end of its input, its
 * output is complete and visible; checking a chain of groups upstream first therefore tells when
 * the last record has passed through all of them.
 */
final class GroupProgress {

  /** One consumer group and the topics it reads, in the order their data flows. */
  record Stage(String groupId, List<String> topics) {}

  private final Admin admin;
  private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

  GroupProgress(Admin admin) {
    this.admin = admin;
  }

  /** True when every stage, checked upstream first, has committed up to the end of each of its topics. */
  boolean caughtUp(List<Stage> stages) throws ExecutionException, InterruptedException {
    return stagesDone(stages) == stages.size();
  }

  /**
   * How many stages, counted upstream first, have committed up to the end of each of their topics;
   * a stage counts only when every stage before it does.
   */
  int stagesDone(List<Stage> stages) throws ExecutionException, InterruptedException {
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      // end offsets are read after the upstream stage was seen complete, so they are final
      Map<TopicPartition, Long> ends = endOffsets(stage.topics());
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(stage.groupId()).partitionsToOffsetAndMetadata().get();
      for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
        if (e.getValue() == 0) {
          continue;
        }
        OffsetAndMetadata c = committed.get(e.getKey());
        if (c == null || c.offset() < e.getValue()) {
          return i;
        }
      }
    }
    return stages.size();
  }

  /** Sum over the stages of (end offset - committed offset): for progress reports. */
  long lag(List<Stage> stages) throws ExecutionException, InterruptedException {
    long lag = 0;
    for (Stage stage : stages) {
      lag += lag(stage);
    }
    return lag;
  }

  /** End offset - committed offset, summed over the stage's partitions. */
  long lag(Stage stage) throws ExecutionException, InterruptedException {
    long lag = 0;
    Map<TopicPartition, Long> ends = endOffsets(stage.topics());
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(stage.groupId()).partitionsToOffsetAndMetadata().get();
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
    }
    return lag;
  }

  Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (String topic : topics) {
      for (TopicPartition tp : partitionsOf(topic)) {
        request.put(tp, OffsetSpec.latest());
      }
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
        : admin.listOffsets(request).all().get().entrySet()) {
      out.put(e.getKey(), e.getValue().offset());
    }
    return out;
  }

  private List<TopicPartition> partitionsOf(String topic) throws ExecutionException, InterruptedException {
    List<TopicPartition> known = partitions.get(topic);
    if (known != null) {
      return known;
    }
    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    List<TopicPartition> list = new ArrayList<>();
    for (TopicPartitionInfo p : d.partitions()) {
      list.add(new TopicPartition(topic, p.partition()));
    }
    partitions.put(topic, list);
    return list;
  }
}
