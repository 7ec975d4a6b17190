package org.mediamonitor.common.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poison pill (truncated Avro, an unknown schema fingerprint, garbage bytes) is dead-lettered
 * with its reason and original bytes, counted, and skipped; the stream keeps running.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private DeadLetterPolicy policy;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    String detail = DeadLetterPolicy.detail(exception);
    if (policy.fromGlobalTopic(record.topic())) {
      LOG.warn("{}: skipping undecodable record {}-{}@{} of a global store: {}", policy.stage(), record.topic(),
          record.partition(), record.offset(), detail);
      policy.listener().deadLettered(DeadLetterPolicy.DESERIALIZATION);
      return Response.resume();
    }
    LOG.warn("{}: dead-lettering undecodable record {}-{}@{}: {}", policy.stage(), record.topic(), record.partition(),
        record.offset(), detail);
    var letter = policy.deadLetter(DeadLetterPolicy.DESERIALIZATION, detail, exception, context, true);
    return Response.resume(List.of(policy.record(letter, DeadLetterPolicy.DESERIALIZATION, exception)));
  }
}
