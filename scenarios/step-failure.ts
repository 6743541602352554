/** Thrown by a step whose action the product refused or whose expectation did not hold: the scenario fails there. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}
