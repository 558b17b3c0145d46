// Random but valid application histories in the import format (docs/metrics.md, "Historical import"), for
// benchmarks: online and paper files, supplements, payments, decisions, signatures, returns, ratings.

const HOUR = 3_600_000;
const MINUTE = 60_000;
const OFFSET = 7 * HOUR;

function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const localIso = (instant) => new Date(instant + OFFSET).toISOString().replace('Z', '+07:00');

/**
 * Yields NDJSON lines, one application each. `ordered` starts the stories in time order, as an
 * agency's export of its records usually is; otherwise they start at random times.
 */
export function* applicationLines({ count, seed, procedures, agencies, from, to, ordered = true }) {
  const random = seededRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const chance = (p) => random() < p;
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  const start = Date.parse(`${from}T00:00:00+07:00`);
  const span = Date.parse(`${to}T23:59:59+07:00`) - start;
  for (let index = 0; index < count; index += 1) {
    const procedure = pick(procedures);
    let at = start + Math.floor(ordered ? (index / count) * span : random() * span);
    const step = () => {
      at += chance(0.6) ? between(10, 300) * MINUTE : between(4, 96) * HOUR;
    };
    const events = [];
    const add = (type, channel, fields = {}) => events.push({ type, at: localIso(at), channel, ...fields });
    const online = chance(0.7);
    let paid = procedure.feeVnd === 0;
    let open = true;
    if (online) {
      if (!paid && chance(0.5)) {
        add('pay', 'online', { reference: `PG-${index}` });
        paid = true;
        step();
      }
      add('submit', 'online');
      step();
      if (chance(0.05)) {
        add('withdraw', 'online');
        open = false;
      } else add('receive', 'online');
    } else add('register_counter', 'offline');
    if (open && chance(0.3)) {
      step();
      add('request_supplement', 'online', { reason: 'Thiếu giấy tờ', missingDocuments: ['Bản sao CCCD'] });
      step();
      add('supplement', online ? 'online' : 'offline');
    }
    if (open && !paid) {
      step();
      add('pay', online ? 'online' : 'offline', online ? { reference: `PG-${index}` } : {});
    }
    if (open && chance(0.9)) {
      step();
      add(chance(0.85) ? 'approve' : 'deny', 'online', { reason: 'Theo quy định' });
      step();
      add('sign', chance(0.8) ? 'online' : 'offline');
      step();
      add('return', chance(0.8) ? 'online' : 'offline');
    }
    const received = events.find((event) => event.type === 'receive' || event.type === 'register_counter');
    const date = (received ?? events[0]).at.slice(2, 10).replace(/-/g, '');
    const receiving = chance(0.8) ? procedure.agencyCode : pick(agencies);
    const line = {
      code: `${receiving}-${date}-B${String(index).padStart(8, '0')}`,
      procedureCode: procedure.code,
      receivingAgencyCode: receiving,
      applicant: {
        nationalId: `0221${String(between(0, 99_999_999)).padStart(8, '0')}`,
        fullName: `Người nộp ${index}`,
      },
      formData: { fullName: `Người nộp ${index}`, phone: '0912345678' },
      fee: { amount: procedure.feeVnd },
      events,
    };
    if (events.at(-1).type === 'return' && chance(0.5)) line.rating = between(1, 5);
    yield `${JSON.stringify(line)}\n`;
  }
}
