package dev.argus.bench.faults;

/**
 * One scenario of the harness: it runs (against the shared stack, or a stack of its own when it
 * needs one set up differently) and returns its row. Registered by name in {@link Scenarios}.
 */
interface Scenario {

  /** The name given to {@code faults.sh}. */
  String name();

  ScenarioRow run(FaultsContext context) throws Exception;

  /** The usual shape: a {@link Fault} injected into the shared stack under the steady load. */
  static Scenario underLoad(Fault fault) {
    return new Scenario() {
      @Override
      public String name() {
        return fault.name();
      }

      @Override
      public ScenarioRow run(FaultsContext context) throws Exception {
        return new FaultUnderLoad(context.sharedStack(), context.options(), fault, context.out())
            .run();
      }
    };
  }
}
