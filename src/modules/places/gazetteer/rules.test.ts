import { describe, expect, it } from 'vitest';
import { checkFile, problemMessages } from './check.ts';
import { addressFrom, columnsOf, parseCsv } from './csv.ts';
import { addressKey, matchAddress, postcodeIn, postcodeOf } from './rules.ts';

// Route planning (DOMAIN.md §5 Planning): every visit is placed from the council's gazetteer, an
// export of its LLPG, before the day's route is ordered.

describe('reading the CSV (RFC 4180)', () => {
  it('keeps quoted commas, doubled quotes and line breaks, and numbers records by the line they start on', () => {
    const text =
      '\uFEFFUPRN,ADDRESS\r\n1,"Flat 2, 14 High Street"\r\n\r\n2,"The ""Old"" Forge\nMill Lane"\n3,Plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['UPRN', 'ADDRESS'] },
      { line: 2, cells: ['1', 'Flat 2, 14 High Street'] },
      { line: 4, cells: ['2', 'The "Old" Forge\nMill Lane'] },
      { line: 6, cells: ['3', 'Plain'] },
    ]);
  });

  it('reads a last line without a line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
});

describe('the columns, whatever the export calls them', () => {
  it.each([
    [
      ['UPRN', 'ADDRESS', 'POSTCODE', 'EASTING', 'NORTHING'],
      { uprn: 0, address: [1], postcode: 2, grid: { easting: 3, northing: 4 }, degrees: null },
    ],
    [
      ['uprn', 'Full Address', 'Post Code', 'X_COORDINATE', 'Y_COORDINATE'],
      { uprn: 0, address: [1], postcode: 2, grid: { easting: 3, northing: 4 }, degrees: null },
    ],
    [
      [' Latitude', 'Longitude ', 'Postcode', 'Address', 'UPRN'],
      { uprn: 4, address: [3], postcode: 2, grid: null, degrees: { latitude: 0, longitude: 1 } },
    ],
    [
      [
        'UPRN',
        'SAO_TEXT',
        'PAO_START_NUMBER',
        'STREET_DESCRIPTION',
        'TOWN_NAME',
        'POSTCODE_LOCATOR',
        'LAT',
        'LNG',
      ],
      { uprn: 0, address: [1, 2, 3, 4], postcode: 5, grid: null, degrees: { latitude: 6, longitude: 7 } },
    ],
    [
      ['UPRN', 'Address Line 1', 'Address Line 2', 'Postcode', 'X', 'Y'],
      { uprn: 0, address: [1, 2], postcode: 3, grid: { easting: 4, northing: 5 }, degrees: null },
    ],
  ])('%j', (headings, columns) => {
    expect(columnsOf(headings)).toEqual(columns);
  });

  it('names every column missing', () => {
    expect(columnsOf(['Reference', 'Address', 'Easting'])).toEqual({
      problem:
        'The first line must name the columns: it has no UPRN column, no POSTCODE column, no EASTING and NORTHING (or X_COORDINATE and Y_COORDINATE), or LATITUDE and LONGITUDE, columns',
    });
  });

  it('writes an address from the LLPG’s parts', () => {
    expect(addressFrom(['Flat 2', '12', 'A', 'High Street', 'Demoton'], [0, 1, 2, 3, 4])).toBe(
      'Flat 2, 12A High Street, Demoton',
    );
  });
});

describe('postcodes', () => {
  it.each([
    ['dm1 4qt', 'DM1 4QT'],
    ['DM14QT', 'DM1 4QT'],
    [' SW1A  1AA ', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['DM1', null],
    ['12345', null],
    ['DM1 4Q', null],
  ])('%j is %j', (text, postcode) => {
    expect(postcodeOf(text)).toBe(postcode);
  });

  it('finds the postcode at the end of an address', () => {
    expect(postcodeIn('14 Ashdown Court, Demoton DM1 4QT')).toBe('DM1 4QT');
    expect(postcodeIn('14 Ashdown Court, Demoton')).toBeNull();
  });
});

describe('addresses as they are compared', () => {
  it.each([
    ['14 Ashdown Court, Demoton DM1 4QT', '14 ashdown court demoton'],
    ['14 Ashdown Ct., Demoton', '14 ashdown court demoton'],
    ['12 High St', '12 high street'],
    ['3 St Mary’s Rd', '3 saint marys road'],
    ["3 St. Mary's Road, Demoton", '3 saint marys road demoton'],
    ['Unit 4, Castle Trading Est.', 'unit 4 castle trading estate'],
    ['The Fox & Hounds', 'the fox and hounds'],
  ])('%j is %j', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  const at = (...keys: string[]) => keys.map((searchKey) => ({ searchKey }));
  it.each([
    [
      'the same words',
      '14 ashdown court',
      at('12 ashdown court', '14 ashdown court'),
      { match: { searchKey: '14 ashdown court' } },
    ],
    [
      'without the town',
      '14 ashdown court',
      at('14 ashdown court demoton', '16 ashdown court demoton'),
      { match: { searchKey: '14 ashdown court demoton' } },
    ],
    [
      'with a town the gazetteer leaves out',
      '14 ashdown court demoton',
      at('14 ashdown court'),
      { match: { searchKey: '14 ashdown court' } },
    ],
    ['not a number that only starts the same', '1 high street', at('14 high street', '1a high street'), null],
    [
      'two that it could be',
      '1 high street',
      at('1 high street annexe', '1 high street demoton'),
      { several: at('1 high street annexe', '1 high street demoton') },
    ],
    ['a bare number', '14', at('14 ashdown court'), null],
  ])('%s', (_what, key, candidates, matched) => {
    expect(matchAddress(key, candidates)).toEqual(matched);
  });
});

describe('checking the file', () => {
  const heading = 'UPRN,ADDRESS,POSTCODE,EASTING,NORTHING,LATITUDE,LONGITUDE';
  const good = '100,"14 Ashdown Court, Demoton",DM1 4QT,,,52.0,-1.0';

  it('takes latitude and longitude, or converts a National Grid reference', () => {
    const checked = checkFile(`${heading}\n${good}\n101,8 Wren Close,dm27pl,651409.903,313177.27,,\n`);
    expect(checked).toMatchObject({
      rows: [
        {
          uprn: '100',
          postcode: 'DM1 4QT',
          latitude: 52,
          longitude: -1,
          easting: null,
          searchKey: '14 ashdown court demoton',
        },
        { uprn: '101', postcode: 'DM2 7PL', easting: 651409.903, northing: 313177.27 },
      ],
    });
    if ('rows' in checked) expect(checked.rows[1]?.latitude).toBeCloseTo(52.657977, 4);
  });

  it.each([
    [',No UPRN,DM1 4QT,,,52,-1', 'Line 3: the UPRN is missing'],
    ['ABC,Bad UPRN,DM1 4QT,,,52,-1', 'Line 3: the UPRN “ABC” is not up to 12 digits'],
    ['100,Again,DM1 4QT,,,52,-1', 'Line 3: UPRN 100 is also on line 2'],
    ['102,,DM1 4QT,,,52,-1', 'Line 3: the address is missing'],
    [
      `102,"${Array(166).fill('st').join(',')}",DM1 4QT,,,52,-1`,
      'Line 3: the address is longer than 500 characters with its abbreviations written out',
    ],
    ['102,No postcode,,,,52,-1', 'Line 3: the postcode is missing'],
    ['102,Bad postcode,DM1,,,52,-1', 'Line 3: the postcode “DM1” is not a UK postcode'],
    [
      '102,Nowhere,DM1 4QT,,,,',
      'Line 3: the position is missing: give an easting and northing, or a latitude and longitude',
    ],
    ['102,Paris,DM1 4QT,,,48.85,2.35', 'Line 3: the latitude and longitude are outside Great Britain'],
    ['102,Half,DM1 4QT,,,52,', 'Line 3: the latitude and longitude must both be numbers of degrees'],
    ['102,Off the grid,DM1 4QT,800000,100,,', 'Line 3: the easting and northing are outside Great Britain'],
    ['102,Words,DM1 4QT,east,100,,', 'Line 3: the easting and northing must both be numbers of metres'],
    [
      '102,14 High Street, Demoton,DM1 4QT,,,52,-1',
      'Line 3: it has 8 values where the first line names 7 columns (put an address with commas in double quotes)',
    ],
  ])('refuses %j', (row, message) => {
    const checked = checkFile(`${heading}\n${good}\n${row}\n`);
    expect('problems' in checked && problemMessages(checked)).toEqual([message]);
  });

  it('refuses an empty file, one with only its heading, and one that is not text', () => {
    expect(checkFile('')).toEqual({ problems: [{ line: 1, problem: 'the file is empty' }], badLines: 1 });
    expect(checkFile(`${heading}\n${good}\u0000\n`)).toEqual({
      problems: [{ line: 1, problem: 'the file is not CSV text: it holds a NUL byte' }],
      badLines: 1,
    });
    expect(checkFile(`${heading}\n`)).toEqual({
      problems: [{ line: 1, problem: 'the file has a heading but no addresses' }],
      badLines: 1,
    });
  });

  it('lists the first hundred problems and counts the rest', () => {
    const bad = Array.from({ length: 150 }, (_, i) => `${i + 1},,DM1 4QT,,,52,-1`).join('\n');
    const checked = checkFile(`${heading}\n${bad}`);
    const messages = 'problems' in checked ? problemMessages(checked) : [];
    expect(messages).toHaveLength(101);
    expect(messages.at(-1)).toBe('And 50 more lines with problems');
  });
});
