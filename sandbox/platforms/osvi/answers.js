'use strict';
// OSVI's two documented envelopes, and its paging with `meta`.
const { reply } = require('../../core/http');

const ok = (data, status = 200, extra = {}) => reply(status, { success: true, data, ...extra });
/** Validation errors come as `errors[]` (422) … */
const invalid = (status, ...errors) => reply(status, { success: false, errors });
/** … and other failures as `error` + `details`. */
const failure = (status, error) => reply(status, { success: false, error, details: null });

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One page of `items` (`page`, `per_page` ≤ 100), each shown through `view`. */
function listPage(items, query, view = (item) => item) {
	const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 25)));
	const page = Math.max(1, Number(query.page ?? 1));
	const totalPages = Math.max(1, Math.ceil(items.length / perPage));
	return ok(items.slice((page - 1) * perPage, page * perPage).map(view), 200, {
		meta: { current_page: page, total_pages: totalPages, total_count: items.length, per_page: perPage },
	});
}

module.exports = { ok, invalid, failure, isPlainObject, listPage };
