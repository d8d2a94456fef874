const Holidays = require('date-holidays');
for (const st of ['ENG','WLS','SCT','NIR']) {
  const hd = new Holidays('GB', st, { types: ['public','bank'] });
  console.log('==', st, JSON.stringify(new Holidays().getStates('GB')));
  for (const y of [2015, 2016,2017, 2019, 2020,2022,2023,2026,2027]) for (const h of hd.getHolidays(y)) console.log(y, h.date, h.type, h.name, h.substitute||'', h.start.toISOString());
}
