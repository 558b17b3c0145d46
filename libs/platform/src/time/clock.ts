import { Injectable } from '@nestjs/common';

/**
 * The time OneGate stamps on actions. It is the system time; tests freeze it to check due times
 * against hand-computed ones (a Friday 16:00 before a holiday, a pause of known length).
 */
@Injectable()
export class Clock {
  private frozenAt: number | null = null;

  public now(): Date {
    return new Date(this.frozenAt ?? Date.now());
  }

  public freeze(at: Date | null): void {
    this.frozenAt = at?.getTime() ?? null;
  }
}
