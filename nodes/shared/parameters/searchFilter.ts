/** Whether a picker's search text (case-insensitive, blank = everything) is found in any of the texts. */
export function matchesSearch(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase() ?? '';
	return needle === '' || texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}
