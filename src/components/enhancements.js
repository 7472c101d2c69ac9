// Enhancements (reader's time zone, relative times, history filters, stale-page notice); constant text, allowed by its CSP hash.
// HISTORY_FILTERS and STALE_NOTICE are replaced by true or false when it is minified (src/data/enhancements-script.ts),
// so a page carries only the parts it uses: a finished incident's page neither filters nor goes stale.
(() => {
  const yourTimeLabel = document.currentScript?.dataset.yourTime ?? '';
  const lang = document.documentElement.lang;
  const siteZone = document.body.dataset.zone;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const rel = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const units = [['day', 864e5], ['hour', 36e5], ['minute', 6e4]];
  // Chinese takes full-width brackets and colon, with no space before them, as the pages do.
  const [open, close, colon] = lang.startsWith('zh') ? ['（', '）', '：'] : [' (', ')', ': '];
  const readerClock = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  for (const el of document.querySelectorAll('time[datetime*="T"]')) {
    const at = new Date(el.dateTime);
    const extra = [];
    if (readerZone && readerZone !== siteZone) {
      // The zone after the time in every language (Chinese formats put it between the date and the time).
      const parts = readerClock.formatToParts(at);
      const zone = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
      const clock = parts.filter((part) => part.type !== 'timeZoneName').map((part) => part.value).join('').replace(/\s+/g, ' ').trim();
      extra.push(`${yourTimeLabel}${colon}${clock} ${zone}`);
    }
    if (el.hasAttribute('data-relative')) {
      const diff = at.getTime() - Date.now();
      const [unit, size] = units.find(([, ms]) => Math.abs(diff) >= ms) ?? units[2];
      extra.push(rel.format(Math.round(diff / size), unit));
    }
    if (extra.length) el.insertAdjacentHTML('afterend', `<span class="local-time">${open}${extra.join(' · ').replace(/</g, '&lt;')}${close}</span>`);
  }
  if (HISTORY_FILTERS) {
    const filters = document.querySelector('.filters');
    if (filters) {
      filters.hidden = false;
      const apply = () => {
        const service = filters.querySelector('[name=service]').value;
        const severity = filters.querySelector('[name=severity]').value;
        for (const item of document.querySelectorAll('.history-item')) {
          item.hidden = (service && !item.dataset.services.split(' ').includes(service)) || (severity && item.dataset.severity !== severity);
        }
        for (const month of document.querySelectorAll('.history-month')) month.hidden = !month.querySelector('.history-item:not([hidden])');
      };
      filters.addEventListener('change', apply);
    }
  }
  // A static page cannot rebuild itself: when the reader's clock says its figures are older than the site allows
  // (rebuilds have stopped), say so at the top of the page.
  if (STALE_NOTICE) {
    const stale = document.currentScript?.dataset;
    const asOf = Date.parse(stale?.asOf ?? '');
    if (Number(stale?.staleAfter) > 0 && Date.now() - asOf > Number(stale.staleAfter)) {
      const age = asOf - Date.now();
      const [unit, size] = units.find(([, ms]) => Math.abs(age) >= ms) ?? units[2];
      const notice = document.createElement('p');
      notice.className = 'stale-notice';
      notice.textContent = stale.staleNotice.replace('{ago}', rel.format(Math.round(age / size), unit));
      document.getElementById('main')?.prepend(notice);
    }
  }
})();
