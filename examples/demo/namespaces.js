// The namespace picker in the top bar: Kubernetes `getNamespaces({dashboard: true})`. It reloads
// when the settings change and then announces the namespace (panels that depend on it reload).
import { el, errorText } from './ui.js';

export function mountNamespacePicker(session, select, state) {
  let generation = 0;

  async function load() {
    const mine = ++generation;
    select.disabled = true;
    select.replaceChildren(el('option', {}, 'Loading…'));
    state.textContent = '';
    state.classList.remove('text-error');
    let chosen = session.namespace;
    try {
      const namespaces = await session.withClient('kubernetes', (k) => k.getNamespaces({ dashboard: true }));
      if (mine !== generation) return;
      if (namespaces.length === 0) {
        select.replaceChildren(el('option', { value: '' }, 'No namespaces'));
        chosen = '';
      } else {
        select.replaceChildren(...namespaces.map((ns) => el('option', { value: ns.name }, ns.displayName && ns.displayName !== ns.name ? `${ns.displayName} (${ns.name})` : ns.name)));
        if (!namespaces.some((ns) => ns.name === chosen)) chosen = namespaces[0].name;
        select.value = chosen;
        select.disabled = false;
      }
      state.textContent = `${namespaces.length} available`;
    } catch (e) {
      if (mine !== generation) return;
      select.replaceChildren(el('option', { value: chosen }, chosen || 'Unavailable'));
      state.textContent = errorText(e);
      state.classList.add('text-error');
    }
    session.setNamespace(chosen);
  }

  select.addEventListener('change', () => session.setNamespace(select.value));
  session.addEventListener('settings', load);
  load();
}
