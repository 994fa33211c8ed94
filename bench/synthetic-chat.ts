/** A seeded PRNG (mulberry32): the same seed gives the same chat load on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Tom',
  'Sanne',
  'Priya',
  'Joris',
  'Fatima',
  'Liam',
  'Noor',
  'Grace',
  'Daan',
  'Emma',
  'Yusuf',
  'Olivia',
  'Bram',
];
const LAST = [
  'de Vries',
  'Baker',
  'Jansen',
  'Patel',
  'Dekker',
  'El Amrani',
  'Murphy',
  'Visser',
  'Lin',
  'Bakker',
  'Smith',
  'Okafor',
];
const CHATTER = [
  'Thanks everyone for the tips yesterday!',
  'Hoe gaat het vandaag met jullie?',
  'Had a rough night but the morning walk helped.',
  'Is the meetup still on for Thursday?',
  'Ik heb de folder van de huisarts nog niet gelezen.',
  'Same here, the waiting list is ridiculous.',
  'Lovely weather, finally got out into the garden.',
  'Wie gaat er mee naar de informatieavond?',
  'Does anyone know if the pharmacy is open on Sunday?',
  'My appointment got moved again, third time this month.',
  'Goed om te horen dat het beter gaat!',
  'I keep a little diary of my energy levels now.',
  'haha yes exactly 😂',
  'Sending hugs to all of you ❤️',
  'We zitten allemaal in hetzelfde schuitje.',
  'Version 2.3.1 of the app fixed the reminder bug.',
];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digits = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

/** Fragments with identifiers, numbers that are not identifiers, and names. */
const FRAGMENTS: ((rnd: () => number) => string)[] = [
  (r) => `${pick(r, FIRST)} ${pick(r, LAST)} said hi.`,
  (r) => `Ask ${pick(r, FIRST)} about it.`,
  (r) => `Call me on 06-${digits(r, 8)} tonight.`,
  (r) => `My number is +44 7700 900${digits(r, 3)}.`,
  (r) => `Text 555-01${digits(r, 2)} if you like.`,
  (r) => `Mail ${pick(r, FIRST).toLowerCase()}.${digits(r, 2)}@example.com please.`,
  (r) => `It was on ${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/20${digits(r, 2)}.`,
  (r) => `Order #${digits(r, 6)} cost €${digits(r, 2)},${digits(r, 2)}.`,
  (r) => `See https://www.example.org/${digits(r, 4)} for the leaflet.`,
  (r) => `We meet at ${10 + Math.floor(r() * 9)}:${r() < 0.5 ? '00' : '30'} in room ${digits(r, 3)}.`,
  (r) => `I walked ${digits(r, 4)} steps and slept ${1 + Math.floor(r() * 9)} hours.`,
];

/** `count` chat messages of 40–400 characters mixing chatter, names and numbers, fixed by `seed`. */
export function syntheticChat(count: number, seed = 42): string[] {
  const rnd = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = 40 + Math.floor(rnd() * 361);
    let text = '';
    while (text.length < target) {
      const part = rnd() < 0.6 ? pick(rnd, CHATTER) : pick(rnd, FRAGMENTS)(rnd);
      text = text ? `${text} ${part}` : part;
    }
    if (text.length > 400) {
      const cut = text.lastIndexOf(' ', 400);
      text = text.slice(0, cut >= 40 ? cut : 400);
    }
    out.push(text);
  }
  return out;
}
