const Holidays = require('date-holidays');
for (const st of ['ENG','SCT','NIR']) {
  const hd = new Holidays('GB', st, { types: ['public','bank'] });
  for (const y of [2010,2011,2012,2024,2025]) console.log(st, y, hd.getHolidays(y).map(h=>h.date.slice(0,10)+' '+h.name).join(' | '));
}
console.log(new Holidays('GB','NIR').getHolidays(2026).map(h=>h.date.slice(0,10)+' '+h.type+' '+h.name).join('\n'));
console.log(require('date-holidays/package.json').version);
