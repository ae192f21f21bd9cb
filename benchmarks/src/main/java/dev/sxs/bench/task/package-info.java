/**
 * JMH benchmarks of durable tasks: a ten-step task against the same ten forms as one script, with 10, 1,000
 * and 100,000 live tasks ({@link dev.sxs.bench.task.TaskBenchmark}), and the store writes of one step's commit
 * against the same form's in a script, on the measuring thread ({@link dev.sxs.bench.task.TaskCommitBenchmark}).
 */
package dev.sxs.bench.task;
