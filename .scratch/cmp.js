const Holidays = require('date-holidays');
const uk = require('/work/shared/data/bank-holidays-uk-2015-2021.json');
const ew = require('/work/shared/data/bank-holidays-england-and-wales.json');
const map = {'england-and-wales':['ENG'], scotland:['SCT'], 'northern-ireland':['NIR']};
function libDays(state, y0, y1, types) {
  const hd = new Holidays('GB', state, types ? { types } : undefined);
  const s = new Map();
  for (let y=y0;y<=y1;y++) for (const h of hd.getHolidays(y)) { const d=h.date.slice(0,10); const wd=new Date(d+'T00:00:00Z').getUTCDay(); if (wd!==0&&wd!==6) s.set(d, h.type+':'+h.name); }
  return s;
}
function cmp(name, events, state, y0, y1, types) {
  const lib = libDays(state, y0, y1, types);
  const gov = new Map(events.map(e=>[e.date, e.title]));
  for (const [d,t] of gov) if (!lib.has(d)) console.log(name, 'missing in lib', d, t);
  for (const [d,t] of lib) if (!gov.has(d)) console.log(name, 'extra in lib', d, t);
}
for (const types of [undefined, ['public','bank']]) {
  console.log('types', types);
  for (const k of Object.keys(uk)) cmp(k, uk[k].events, map[k][0], 2015, 2021, types);
  cmp('ew-long', ew['england-and-wales'].events, 'ENG', 2010, 2028, types);
  cmp('wales-long', ew['england-and-wales'].events, 'WLS', 2010, 2028, types);
}
