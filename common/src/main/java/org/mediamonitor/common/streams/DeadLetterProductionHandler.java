package org.mediamonitor.common.streams;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be encoded, or is too large for the broker, is a problem of that
 * record: it is dead-lettered and the stream continues. Any other send error is the broker's
 * problem, so the task fails and exactly-once processing resumes from the last commit.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  private DeadLetterPolicy policy;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException && !policy.topic().equals(record.topic())) {
      LOG.warn("{}: dead-lettering a record too large for {}: {}", policy.stage(), record.topic(), exception.getMessage());
      // the original value is what was too large, so the dead letter keeps only its key
      var letter = policy.deadLetter(DeadLetterPolicy.TOO_LARGE, "output to " + record.topic() + ": "
          + exception.getMessage(), exception, context, false);
      return Response.resume(List.of(policy.record(letter, DeadLetterPolicy.TOO_LARGE, exception)));
    }
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    if (policy.topic().equals(record.topic())) {
      return Response.fail(); // a dead letter that cannot be encoded must not loop back here
    }
    String detail = "output to " + record.topic() + " (" + origin.name().toLowerCase(Locale.ROOT) + "): "
        + DeadLetterPolicy.detail(exception);
    LOG.warn("{}: dead-lettering record {}-{}@{}: {}", policy.stage(), context.topic(), context.partition(),
        context.offset(), detail);
    var letter = policy.deadLetter(DeadLetterPolicy.SERIALIZATION, detail, exception, context, true);
    return Response.resume(List.of(policy.record(letter, DeadLetterPolicy.SERIALIZATION, exception)));
  }
}
