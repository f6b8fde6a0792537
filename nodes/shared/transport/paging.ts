export interface Page<T> {
	items: T[];
	/** Whether the API says there is a further page after this one. */
	hasMore: boolean;
}

/**
 * The one paging loop: asks for page after page until the API says there is no more, or until
 * `limit` items are collected (then it stops early and asks for nothing more). A page that comes
 * back empty also ends the loop, so a server that keeps saying "more" cannot loop forever.
 */
export async function collectPages<T>(
	fetchPage: (pageNumber: number) => Promise<Page<T>>,
	limit?: number,
): Promise<T[]> {
	const collected: T[] = [];
	for (let pageNumber = 1; ; pageNumber++) {
		const { items, hasMore } = await fetchPage(pageNumber);
		collected.push(...items);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		if (!hasMore || items.length === 0) return collected;
	}
}
