/** Integration failures; each names the time at which it happened. */
export class IntegrationError extends Error {
  constructor(
    message: string,
    /** Time at which the integration failed, s. */
    readonly t: number,
  ) {
    super(message);
    this.name = 'IntegrationError';
  }
}

/** The step-size controller asked for a step below the minimum (stiff or singular dynamics). */
export class StepSizeUnderflowError extends IntegrationError {
  constructor(t: number, readonly stepS: number, readonly minStepS: number) {
    super(`step size underflow at t = ${t} s: step ${stepS} s is below the minimum ${minStepS} s`, t);
    this.name = 'StepSizeUnderflowError';
  }
}

/** More attempted steps than allowed. */
export class TooManyStepsError extends IntegrationError {
  constructor(t: number, readonly maxSteps: number) {
    super(`too many steps: ${maxSteps} attempted steps reached at t = ${t} s`, t);
    this.name = 'TooManyStepsError';
  }
}

/** The derivative function returned NaN or ±Infinity. */
export class NonFiniteDerivativeError extends IntegrationError {
  constructor(t: number, readonly component: number, readonly value: number, readonly state: Float64Array) {
    super(
      `derivative is not finite at t = ${t} s: component ${component} = ${value} (state [${Array.from(state).join(', ')}])`,
      t,
    );
    this.name = 'NonFiniteDerivativeError';
  }
}
