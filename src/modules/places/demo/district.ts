// The demo council's gazetteer: a made-up district, Demoton, laid over the fields around a small
// English market town (about 8 km across), with streets of numbered houses, shops on the high
// street and units on a trading estate. Postcodes are in the made-up DM area, in the valid format.
// It holds every address the demo day in the field visits (visits/demo/day.ts), so each can be placed.

export type DemoAddress = {
  uprn: string;
  address: string;
  postcode: string;
  latitude: number;
  longitude: number;
};

// Demoton's market place.
const centre = { latitude: 52.478, longitude: -0.921 };
const town = 'Demoton';
const kmPerDegreeLatitude = 111.2;

type Street = {
  name: string;
  // The street's postcodes, each for an equal run of its numbers in order.
  postcodes: readonly string[];
  houses: number;
  // Where number 1 is, in km east and north of the market place, and which way the numbers run.
  start: readonly [number, number];
  bearing: number;
  // Names that go before the number ("Demoton Pharmacy, 3 High Street"), by number.
  named?: Readonly<Record<number, string>>;
  // Units on an estate: "Unit 4, Castle Trading Estate".
  units?: boolean;
};

const shops: Readonly<Record<number, string>> = {
  1: 'Demoton Pharmacy',
  3: 'The Copper Kettle Café',
  5: 'Hollis & Daughters Butchers',
  7: 'Demoton Library',
  9: 'Demoton Post Office',
  2: 'The Crown Inn',
  4: 'Greenway Newsagents',
  6: 'Barlow Hardware',
  8: 'Kingsley Opticians',
  10: 'Riverside Bakery',
};

const streets: readonly Street[] = [
  {
    name: 'High Street',
    postcodes: ['DM1 1AA', 'DM1 1AB'],
    houses: 50,
    start: [0, 0.05],
    bearing: 20,
    named: shops,
  },
  {
    name: 'Market Place',
    postcodes: ['DM1 1AD'],
    houses: 16,
    start: [-0.1, -0.05],
    bearing: 100,
    named: { 1: 'The Corn Exchange', 2: 'Demoton Town Hall' },
  },
  { name: 'Ashdown Court', postcodes: ['DM1 4QT'], houses: 24, start: [-0.6, 0.4], bearing: 330 },
  { name: 'Mercer Street', postcodes: ['DM1 9RT', 'DM1 9RU'], houses: 40, start: [0.3, -0.4], bearing: 160 },
  { name: 'Church Lane', postcodes: ['DM1 2BA'], houses: 20, start: [-0.3, 0.2], bearing: 250 },
  { name: 'Wren Close', postcodes: ['DM2 7PL'], houses: 18, start: [1.6, 1.2], bearing: 45 },
  { name: 'Station Road', postcodes: ['DM2 3LN', 'DM2 3LP'], houses: 64, start: [0.4, 0.3], bearing: 60 },
  { name: 'Kestrel Way', postcodes: ['DM2 7PN'], houses: 30, start: [2.0, 0.8], bearing: 120 },
  { name: 'Heron Drive', postcodes: ['DM2 7PQ'], houses: 28, start: [2.4, 1.6], bearing: 10 },
  { name: 'Linden Avenue', postcodes: ['DM3 2AB', 'DM3 2AD'], houses: 44, start: [-1.2, -0.8], bearing: 210 },
  { name: 'Maple Crescent', postcodes: ['DM3 2AE'], houses: 30, start: [-1.8, -1.4], bearing: 280 },
  { name: 'Rowan Way', postcodes: ['DM3 2AF'], houses: 26, start: [-2.5, -0.9], bearing: 190 },
  { name: 'Hawthorn Road', postcodes: ['DM3 4BG'], houses: 36, start: [-1.0, -2.0], bearing: 250 },
  { name: 'Orchard Row', postcodes: ['DM4 1CC'], houses: 12, start: [-2.8, 1.5], bearing: 0 },
  { name: 'Mill Lane', postcodes: ['DM4 1CD'], houses: 22, start: [-2.2, 2.2], bearing: 300 },
  { name: 'Brook Street', postcodes: ['DM4 1CE'], houses: 34, start: [-1.4, 1.8], bearing: 80 },
  { name: 'Meadow View', postcodes: ['DM4 3DA'], houses: 20, start: [-3.3, 2.9], bearing: 30 },
  {
    name: 'Castle Trading Estate',
    postcodes: ['DM5 8EE'],
    houses: 12,
    start: [2.6, -2.4],
    bearing: 90,
    units: true,
  },
  { name: 'Castle Road', postcodes: ['DM5 8EF'], houses: 30, start: [1.8, -1.6], bearing: 135 },
  { name: 'Foundry Lane', postcodes: ['DM5 8EG'], houses: 18, start: [3.1, -3.0], bearing: 200 },
  { name: 'Beech Grove', postcodes: ['DM6 2HH'], houses: 20, start: [0.8, 2.6], bearing: 350 },
  { name: 'Oak Avenue', postcodes: ['DM6 2HJ'], houses: 36, start: [0.2, 3.0], bearing: 75 },
  { name: 'Elm Close', postcodes: ['DM6 2HL'], houses: 16, start: [1.2, 3.4], bearing: 160 },
  { name: 'Ash Walk', postcodes: ['DM6 2HN'], houses: 14, start: [-0.4, 3.6], bearing: 260 },
];

// Houses 20 m apart along the street, odd numbers on one side and even on the other, 12 m across.
const spacingKm = 0.02;
const acrossKm = 0.012;

function position(street: Street, number: number) {
  const along = Math.floor((number - 1) / 2) * spacingKm;
  const side = number % 2 === 1 ? -acrossKm : acrossKm;
  const bearing = (street.bearing * Math.PI) / 180;
  const east = street.start[0] + along * Math.sin(bearing) + side * Math.cos(bearing);
  const north = street.start[1] + along * Math.cos(bearing) - side * Math.sin(bearing);
  const latitude = centre.latitude + north / kmPerDegreeLatitude;
  const longitude =
    centre.longitude + east / (kmPerDegreeLatitude * Math.cos((centre.latitude * Math.PI) / 180));
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

function addressOf(street: Street, number: number): string {
  if (street.units) return `Unit ${number}, ${street.name}, ${town}`;
  const name = street.named?.[number];
  return name ? `${name}, ${number} ${street.name}, ${town}` : `${number} ${street.name}, ${town}`;
}

// The same addresses, UPRNs and positions every time.
export function demoGazetteer(): DemoAddress[] {
  let uprn = 100_090_000_000;
  return streets.flatMap((street) => {
    const perPostcode = Math.ceil(street.houses / street.postcodes.length);
    return Array.from({ length: street.houses }, (_, at) => {
      const number = at + 1;
      uprn += 7;
      return {
        uprn: String(uprn),
        address: addressOf(street, number),
        postcode: street.postcodes[Math.floor(at / perPostcode)] ?? street.postcodes[0] ?? '',
        ...position(street, number),
      };
    });
  });
}
