// What the host knows and the console names: regions and what each offers (GET /v1/rules), CAs
// (GET /v1/plugins) and the labels of business, channel and applicant codes (GET /v1/vocabulary).
// Fetched once per page load; the Rules page asks afresh, since scripts reload while serving.

import {api} from "./api.js";
import {pick} from "./i18n.js";
import {worksIn} from "./session.js";

let loaded = null;

export function loadCatalog({fresh = false} = {}) {
  if (!loaded || fresh) {
    loaded = Promise.all([api("GET", "/v1/rules"), api("GET", "/v1/plugins"), api("GET", "/v1/vocabulary")])
      .then(([rules, plugins, vocabulary]) => ({rules, plugins, vocabulary}))
      .catch((error) => {
        loaded = null;  // the next page asks again rather than keeping a failure
        throw error;
      });
  }
  return loaded;
}

// The regions the signed-in staff member works in, for pickers: GET /v1/rules already holds only
// those, and the session's own list is asked too, so a page never offers another region.
export function ownRegions(catalog) { return catalog.rules.regions.filter((r) => worksIn(r.id)); }

export function regionOf(catalog, id) { return catalog.rules.regions.find((r) => r.id === id); }
export function pluginOf(catalog, id) { return (catalog.plugins.plugins || []).find((p) => p.id === id); }

export function regionName(catalog, id) {
  const region = regionOf(catalog, id);
  return region ? pick({zh: region.name, en: region.name_en}) : id;
}

// "BJCA" style short names read best in tables; the full name goes in the title.
export function caName(catalog, id) {
  const plugin = pluginOf(catalog, id);
  return plugin ? pick({zh: plugin.name_zh, en: plugin.name_en}) : id.toUpperCase();
}

function label(list, code) {
  const entry = (list || []).find((e) => e.code === code);
  return entry ? pick(entry) : code;
}

export function businessName(catalog, code) { return label(catalog.vocabulary.businesses, code); }
export function channelName(catalog, code) { return label(catalog.vocabulary.channels, code); }
export function applicantName(catalog, code) { return label(catalog.vocabulary.applicants, code); }
