package dev.gotrace.conformance.oracle;

import dev.gotrace.spec.EventType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The Go programs under {@code conformance/src/test/go} that make real traces at test time with
 * the installed runtime, each aimed at a part of the format, and the event types each one exists
 * to produce ({@link RealTraceWorkloadsTest} checks that they do, so a runtime change that quietly
 * drops them is noticed).
 */
enum TraceProgram {
  /** Goroutines, channels, mutexes, select, sleep, blocking syscalls, GCs under a low GOGC. */
  SCHED("sched", Map.of(), EnumSet.of(EventType.GO_CREATE, EventType.GO_BLOCK,
      EventType.GO_UNBLOCK, EventType.GO_STOP, EventType.GO_SYSCALL_BEGIN, EventType.GC_BEGIN,
      EventType.GC_END, EventType.STW_BEGIN, EventType.PROCS_CHANGE, EventType.HEAP_ALLOC)),
  /** Tasks, regions and logs whose strings need Go quoting (non-ASCII, invalid UTF-8, controls). */
  ANNOTATIONS("annotations", Map.of(), EnumSet.of(EventType.USER_TASK_BEGIN,
      EventType.USER_TASK_END, EventType.USER_REGION_BEGIN, EventType.USER_REGION_END,
      EventType.USER_LOG)),
  /** iter.Pull: coroutine switches. */
  COROUTINES("coroutines", Map.of(), EnumSet.of(EventType.GO_SWITCH,
      EventType.GO_SWITCH_DESTROY, EventType.GO_CREATE_BLOCKED)),
  /** The AllocFree experiment: experimental batches and events 128-136. */
  ALLOC_FREE("allocfree", Map.of("GODEBUG", "traceallocfree=1"), EnumSet.of(
      EventType.EXPERIMENTAL_BATCH, EventType.SPAN, EventType.SPAN_ALLOC,
      EventType.HEAP_OBJECT, EventType.HEAP_OBJECT_ALLOC, EventType.HEAP_OBJECT_FREE,
      EventType.GOROUTINE_STACK, EventType.GOROUTINE_STACK_ALLOC)),
  /** A 2 ms generation period: dozens of generations, statuses re-announced in each. */
  GENERATIONS("generations", Map.of("GODEBUG", "traceadvanceperiod=2000000"), EnumSet.of(
      EventType.END_OF_GENERATION, EventType.GO_STATUS_STACK, EventType.CLOCK_SNAPSHOT)),
  /** CPU profiling while tracing: CPU samples and their stacks. */
  CPU_SAMPLES("cpusamples", Map.of(), EnumSet.of(EventType.CPU_SAMPLES, EventType.CPU_SAMPLE));

  private final String directory;
  private final Map<String, String> environment;
  private final Set<EventType> signature;

  TraceProgram(String directory, Map<String, String> environment, Set<EventType> signature) {
    this.directory = directory;
    this.environment = environment;
    this.signature = signature;
  }

  /** The program's directory under {@code conformance/src/test/go}, also its binary's name. */
  String directory() {
    return directory;
  }

  /** Environment variables the program runs with (GODEBUG settings read at trace start). */
  Map<String, String> environment() {
    return environment;
  }

  /** Event types every trace of this program holds. */
  Set<EventType> signature() {
    return EnumSet.copyOf(signature);
  }
}
