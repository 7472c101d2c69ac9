// Enhancements (reader's time zone, relative times, history filters, stale-page notice); constant text, allowed by its CSP hash.
// HISTORY_FILTERS, STALE_NOTICE, DAY_BARS and RELATIVE_TIMES are replaced by true or false when it is minified
// (src/data/enhancements-script.ts), so a page carries only the parts it uses: a finished incident's page neither
// filters nor goes stale nor says "3 hours ago", and only the status page has bars to step through. TEXT is replaced by
// the page language's words and punctuation, which every page of that language shares.
(() => {
  const lang = document.documentElement.lang;
  const siteZone = document.body.dataset.zone;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Built when first needed: loading a language's calendar data is the costliest step on a slow phone.
  const lazy = (make) => { let made; return () => (made ??= make()); };
  const rel = lazy(() => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const units = [['day', 864e5], ['hour', 36e5], ['minute', 6e4]];
  // The page's own punctuation (full-width in Chinese, with no space before it), as its text uses.
  const { yourTime, open, close, colon, sentenceEnd, list } = TEXT;
  const readerClock = lazy(() => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }));
  // The reader's times are written at once, before the first paint, so no text moves under the reader's eyes.
  for (const el of document.querySelectorAll('time[datetime*="T"]')) {
    const at = new Date(el.dateTime);
    const extra = [];
    if (readerZone && readerZone !== siteZone) {
      // The zone after the time in every language (Chinese formats put it between the date and the time).
      const parts = readerClock().formatToParts(at);
      const zone = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
      const clock = parts.filter((part) => part.type !== 'timeZoneName').map((part) => part.value).join('').replace(/\s+/g, ' ').trim();
      extra.push(`${yourTime}${colon}${clock} ${zone}`);
    }
    if (RELATIVE_TIMES && el.hasAttribute('data-relative')) {
      const diff = at.getTime() - Date.now();
      const [unit, size] = units.find(([, ms]) => Math.abs(diff) >= ms) ?? units[2];
      extra.push(rel().format(Math.round(diff / size), unit));
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
    // The instant the figures are for changes with every build, so it travels beside the script, not in it.
    const data = document.currentScript?.dataset ?? {};
    const asOf = Date.parse(data.asOf ?? '');
    if (Number(data.staleAfter) > 0 && Date.now() - asOf > Number(data.staleAfter)) {
      const age = asOf - Date.now();
      const [unit, size] = units.find(([, ms]) => Math.abs(age) >= ms) ?? units[2];
      const notice = document.createElement('p');
      notice.className = 'stale-notice';
      notice.textContent = TEXT.staleNotice.replace('{ago}', rel().format(Math.round(age / size), unit));
      document.getElementById('main')?.prepend(notice);
    }
  }
  // A service's 90 days are one image in a link to the service's page. Here they become one slider of the same
  // size (nothing moves when it does): one Tab stop, the arrow keys (and Home, End, Page Up, Page Down) move a day
  // at a time, each day's date, availability and incidents are announced and shown under the bar, and Enter, a
  // click or a tap opens that day on the service's page, where its incidents are links. The days travel in the
  // link's data-days (src/lib/status/day-summary.ts). This changes nothing on screen, so it waits until the page
  // is painted, a bar per task, so a tap can come between.
  if (DAY_BARS) {
    const later = (work) => setTimeout(work, 0);
    const dateFormat = lazy(() => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }));
    for (const link of document.querySelectorAll('a.bars-link[data-days]')) later(() => {
      const days = JSON.parse(link.dataset.days);
      const count = days.days.length;
      const firstDay = Date.parse(`${days.first}T00:00:00Z`);
      const dayMs = (index) => firstDay + index * 864e5;
      const isoDate = (index) => new Date(dayMs(index)).toISOString().slice(0, 10);
      const sentence = (index) => {
        const incidents = days.incidents[index];
        return `${dateFormat().format(dayMs(index))}${colon}${days.facts[days.days[index]]}${incidents ? sentenceEnd + incidents.join(list) : ''}`;
      };
      const slider = document.createElement('div');
      slider.className = 'bars-link bars-slider';
      slider.tabIndex = 0;
      slider.setAttribute('role', 'slider');
      slider.setAttribute('aria-label', link.dataset.sliderLabel);
      slider.setAttribute('aria-valuemin', '1');
      slider.setAttribute('aria-valuemax', String(count));
      const cursor = document.createElement('span');
      cursor.className = 'bars-cursor';
      cursor.hidden = true;
      // The day in words for those who see it; the slider's value text is what a screen reader announces.
      const shown = document.createElement('p');
      shown.className = 'bars-day';
      shown.hidden = true;
      shown.setAttribute('aria-hidden', 'true');
      let current = count - 1;
      // The chosen day: its value for screen readers, its outline and its words (hidden until the bar is in use).
      const select = (index) => {
        current = Math.max(0, Math.min(count - 1, index));
        const text = sentence(current);
        slider.setAttribute('aria-valuenow', String(current + 1));
        slider.setAttribute('aria-valuetext', text);
        cursor.style.left = `${(current / count) * 100}%`;
        cursor.style.width = `${100 / count}%`;
        shown.textContent = text;
      };
      const reveal = (visible) => { cursor.hidden = shown.hidden = !visible; };
      const show = (index) => { select(index); reveal(true); };
      const openDay = (index) => { location.href = `${link.href}#day-${isoDate(index)}`; };
      const dayAt = (event) => Math.floor(((event.clientX - slider.getBoundingClientRect().left) / slider.offsetWidth) * count);
      slider.append(...link.childNodes, cursor);
      link.replaceWith(slider);
      slider.after(shown);
      select(current);
      slider.addEventListener('focus', () => reveal(true));
      slider.addEventListener('blur', () => reveal(false));
      slider.addEventListener('pointermove', (event) => show(dayAt(event)));
      slider.addEventListener('pointerleave', () => { if (document.activeElement !== slider) reveal(false); });
      slider.addEventListener('click', (event) => openDay(dayAt(event)));
      slider.addEventListener('keydown', (event) => {
        const moves = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -7, PageUp: 7, Home: -count, End: count };
        if (event.key === 'Enter') openDay(current);
        else if (event.key in moves) show(current + moves[event.key]);
        else return;
        event.preventDefault();
      });
    });
  }
})();
