/**
 * JMH benchmark of durable tasks: a ten-step task against the same ten forms as one script, with 10, 1,000
 * and 100,000 live tasks ({@link dev.sxs.bench.task.TaskBenchmark}).
 */
package dev.sxs.bench.task;
