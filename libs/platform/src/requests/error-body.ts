export interface FieldProblem {
  field: string;
  problems: string[];
}

/** The shape of every error OneGate answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId: string;
}
