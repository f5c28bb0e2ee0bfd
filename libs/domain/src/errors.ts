/**
 * Typed domain errors with a stable code. The api maps each kind to one HTTP status in a single
 * filter; handlers and domain rules never throw HTTP exceptions.
 */
export type DomainErrorKind =
  | 'invalid' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'gone' // 410
  | 'unprocessable'; // 422

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string, field?: string) {
    super('not_found', `${what.toUpperCase()}.NOT_FOUND`, `${field ? `${field}: ` : ''}no ${what} with id ${id}`);
  }
}

export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid', 'INPUT.INVALID', `${field}: ${message}`);
  }
}

export class StaleVersionError extends DomainError {
  constructor(given: number, current: number) {
    super('conflict', 'COMMITMENT.STALE_VERSION', `version ${given} is stale: the commitment is at version ${current}; reload it and try again`);
  }
}
