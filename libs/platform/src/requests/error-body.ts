export interface FieldProblem {
  field: string;
  problems: string[];
}

/** The shape of every error OneGate answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A stable name for a refusal a client acts on, e.g. `password_change_required`. */
  code?: string;
  details?: unknown;
  requestId: string;
}
