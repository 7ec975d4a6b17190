package org.mediamonitor.common.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An exception while processing one record dead-letters that record only; the stream continues. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetterPolicy policy;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String reason = policy.processingReason(exception);
    String detail = DeadLetterPolicy.detail(exception);
    LOG.warn("{}: dead-lettering record {}-{}@{} (key {}) that failed in {}: {}", policy.stage(), context.topic(),
        context.partition(), context.offset(), record.key(), context.processorNodeId(), detail, exception);
    var letter = policy.deadLetter(reason, detail, exception, context, true);
    return Response.resume(List.of(policy.record(letter, reason, exception)));
  }
}
