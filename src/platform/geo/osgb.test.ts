import { describe, expect, it } from 'vitest';
import { gridToOsgb36, gridToWgs84, inGreatBritain, onNationalGrid, osgb36ToWgs84 } from './osgb.ts';
import { haversineMetres } from './travel.ts';

// Reference values: Ordnance Survey, "A guide to coordinate systems in Great Britain", Annex C
// (the worked example TG 51409 13177), and the published conversions of the same points with
// OS's Helmert parameters (Movable Type's OS grid reference calculator, PyGeodesy's test table).

describe('inverse transverse Mercator on Airy 1830 (OS guide, Annex C)', () => {
  it('gives the worked example within a millimetre', () => {
    const point = gridToOsgb36(651_409.903, 313_177.27);
    // 52°39′27.2531″N, 1°43′4.5177″E
    expect(point.latitude).toBeCloseTo(52 + 39 / 60 + 27.2531 / 3600, 7);
    expect(point.longitude).toBeCloseTo(1 + 43 / 60 + 4.5177 / 3600, 7);
  });

  it('puts the true origin at 49°N 2°W', () => {
    const point = gridToOsgb36(400_000, -100_000);
    expect(point.latitude).toBeCloseTo(49, 9);
    expect(point.longitude).toBeCloseTo(-2, 9);
  });
});

describe('National Grid to WGS84, within 5 metres', () => {
  it.each([
    ['OS worked example, TG 51409 13177', 651_409.903, 313_177.27, 52.657977, 1.716038],
    ['near Biggleswade, TL 29158 35174', 529_158.072, 235_174.785, 52.0, -0.12],
    ['near Haywards Heath, TQ 32014 23971', 532_014, 123_971, 50.999995, -0.120004],
    ['near Lewes, TQ 48853 24427', 548_853.602, 124_427.985, 50.999995, 0.120004],
    ['St Mary’s, Isles of Scilly, SV 91645 11753', 91_645, 11_753, 49.926244, -6.297934],
  ])('%s', (_place, easting, northing, latitude, longitude) => {
    const point = gridToWgs84(easting, northing);
    expect(haversineMetres(point, { latitude, longitude })).toBeLessThan(5);
  });

  it('moves Airy’s meridian at Greenwich about 100 m west of WGS84’s zero (51.4778°N 0.0016°W)', () => {
    const point = osgb36ToWgs84({ latitude: 51.477284, longitude: 0.00002 });
    // The reference is given to four decimal places (about 10 m).
    expect(haversineMetres(point, { latitude: 51.4778, longitude: -0.0016 })).toBeLessThan(12);
  });
});

describe('Great Britain', () => {
  it.each([
    [{ latitude: 51.5, longitude: -0.12 }, true, 'London'],
    [{ latitude: 60.8, longitude: -0.85 }, true, 'Unst, Shetland'],
    [{ latitude: 49.91, longitude: -6.3 }, true, 'Isles of Scilly'],
    [{ latitude: 48.85, longitude: 2.35 }, false, 'Paris'],
    [{ latitude: 0, longitude: 0 }, false, 'Null Island'],
    [{ latitude: -0.12, longitude: 51.5 }, false, 'latitude and longitude swapped'],
  ])('%j is in Great Britain: %s (%s)', (point, inside) => {
    expect(inGreatBritain(point)).toBe(inside);
  });

  it.each([
    [651_409, 313_177, true],
    [-1, 313_177, false],
    [700_001, 0, false],
    [0, 1_300_001, false],
    [Number.NaN, 0, false],
  ])('(%d, %d) is on the National Grid: %s', (easting, northing, inside) => {
    expect(onNationalGrid(easting, northing)).toBe(inside);
  });
});
