export interface LocalTime {
  /** dd/mm/yyyy */
  date: string;
  /** HH:mm */
  time: string;
  /** HH:mm dd/mm/yyyy, as Vietnamese documents write it. */
  dateTime: string;
}

/** An instant as it reads on the agency's wall clock. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, dateTime: `${time} ${date}` };
}
