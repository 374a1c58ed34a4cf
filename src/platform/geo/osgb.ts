// British National Grid (OSGB36 eastings and northings, as a council's LLPG gives them) to WGS84
// latitude and longitude (as maps and routing engines take them), after Ordnance Survey's "A guide
// to coordinate systems in Great Britain": the inverse transverse Mercator projection on the
// Airy 1830 ellipsoid (Annex C), then the seven-parameter Helmert transformation from OSGB36 to
// WGS84 (section 6.6). The Helmert step is good to about 5 metres, which is enough to find a door.

type Ellipsoid = { a: number; b: number };
const airy1830: Ellipsoid = { a: 6_377_563.396, b: 6_356_256.909 };
const wgs84: Ellipsoid = { a: 6_378_137, b: 6_356_752.314_245 };

// The National Grid's projection: scale on the central meridian, true origin, false origin.
const grid = {
  f0: 0.999_601_271_7,
  phi0: (49 * Math.PI) / 180,
  lambda0: (-2 * Math.PI) / 180,
  e0: 400_000,
  n0: -100_000,
};

// OSGB36 to WGS84: translations in metres, scale in parts per million, rotations in seconds of arc.
const helmert = { tx: 446.448, ty: -125.157, tz: 542.06, sPpm: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

const degrees = (radians: number) => (radians * 180) / Math.PI;
const eccentricitySquared = ({ a, b }: Ellipsoid) => (a * a - b * b) / (a * a);

export type LatLon = { latitude: number; longitude: number };

// The meridional arc from the true origin's latitude to phi (Annex C, C1).
function meridionalArc(phi: number): number {
  const { a, b } = airy1830;
  const n = (a - b) / (a + b);
  const [n2, n3] = [n * n, n * n * n];
  const dPhi = phi - grid.phi0;
  const sPhi = phi + grid.phi0;
  return (
    b *
    grid.f0 *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * dPhi -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(dPhi) * Math.cos(sPhi) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * dPhi) * Math.cos(2 * sPhi) -
      (35 / 24) * n3 * Math.sin(3 * dPhi) * Math.cos(3 * sPhi))
  );
}

// Eastings and northings to latitude and longitude on OSGB36, in degrees (Annex C, C2).
export function gridToOsgb36(easting: number, northing: number): LatLon {
  const { a } = airy1830;
  const e2 = eccentricitySquared(airy1830);
  let phi = (northing - grid.n0) / (a * grid.f0) + grid.phi0;
  let arc = meridionalArc(phi);
  // Until the northing left over is under a hundredth of a millimetre.
  for (let step = 0; step < 20 && Math.abs(northing - grid.n0 - arc) >= 0.000_01; step++) {
    phi += (northing - grid.n0 - arc) / (a * grid.f0);
    arc = meridionalArc(phi);
  }
  const sin2 = Math.sin(phi) ** 2;
  const nu = (a * grid.f0) / Math.sqrt(1 - e2 * sin2);
  const rho = (a * grid.f0 * (1 - e2)) / (1 - e2 * sin2) ** 1.5;
  const eta2 = nu / rho - 1;
  const [t, sec] = [Math.tan(phi), 1 / Math.cos(phi)];
  const [t2, t4, t6] = [t * t, t ** 4, t ** 6];
  const vii = t / (2 * rho * nu);
  const viii = (t / (24 * rho * nu ** 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
  const ix = (t / (720 * rho * nu ** 5)) * (61 + 90 * t2 + 45 * t4);
  const x = sec / nu;
  const xi = (sec / (6 * nu ** 3)) * (nu / rho + 2 * t2);
  const xii = (sec / (120 * nu ** 5)) * (5 + 28 * t2 + 24 * t4);
  const xiia = (sec / (5040 * nu ** 7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t6);
  const dE = easting - grid.e0;
  return {
    latitude: degrees(phi - vii * dE ** 2 + viii * dE ** 4 - ix * dE ** 6),
    longitude: degrees(grid.lambda0 + x * dE - xi * dE ** 3 + xii * dE ** 5 - xiia * dE ** 7),
  };
}

type Cartesian = { x: number; y: number; z: number };

function toCartesian({ latitude, longitude }: LatLon, ellipsoid: Ellipsoid): Cartesian {
  const [phi, lambda] = [(latitude * Math.PI) / 180, (longitude * Math.PI) / 180];
  const e2 = eccentricitySquared(ellipsoid);
  const nu = ellipsoid.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return {
    x: nu * Math.cos(phi) * Math.cos(lambda),
    y: nu * Math.cos(phi) * Math.sin(lambda),
    z: (1 - e2) * nu * Math.sin(phi),
  };
}

function fromCartesian({ x, y, z }: Cartesian, ellipsoid: Ellipsoid): LatLon {
  const e2 = eccentricitySquared(ellipsoid);
  const p = Math.hypot(x, y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let step = 0; step < 10; step++) {
    const nu = ellipsoid.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    phi = Math.atan2(z + e2 * nu * Math.sin(phi), p);
  }
  return { latitude: degrees(phi), longitude: degrees(Math.atan2(y, x)) };
}

const arcSeconds = (seconds: number) => (seconds / 3600) * (Math.PI / 180);

// OSGB36 latitude and longitude to WGS84, through the Helmert transformation of the cartesian point.
export function osgb36ToWgs84(point: LatLon): LatLon {
  const { x, y, z } = toCartesian(point, airy1830);
  const s = 1 + helmert.sPpm / 1e6;
  const [rx, ry, rz] = [arcSeconds(helmert.rx), arcSeconds(helmert.ry), arcSeconds(helmert.rz)];
  const moved = {
    x: helmert.tx + s * x - rz * y + ry * z,
    y: helmert.ty + rz * x + s * y - rx * z,
    z: helmert.tz - ry * x + rx * y + s * z,
  };
  return fromCartesian(moved, wgs84);
}

// A National Grid reference to WGS84 latitude and longitude, in degrees.
export function gridToWgs84(easting: number, northing: number): LatLon {
  return osgb36ToWgs84(gridToOsgb36(easting, northing));
}

// The National Grid covers Great Britain within 0–700 km east and 0–1300 km north of its false origin.
export const onNationalGrid = (easting: number, northing: number) =>
  Number.isFinite(easting) &&
  Number.isFinite(northing) &&
  easting >= 0 &&
  easting <= 700_000 &&
  northing >= 0 &&
  northing <= 1_300_000;

// Great Britain and its islands, from the Scilly Isles and St Kilda to Shetland and Lowestoft.
export const inGreatBritain = ({ latitude, longitude }: LatLon) =>
  Number.isFinite(latitude) &&
  Number.isFinite(longitude) &&
  latitude >= 49.8 &&
  latitude <= 60.9 &&
  longitude >= -8.7 &&
  longitude <= 1.8;
