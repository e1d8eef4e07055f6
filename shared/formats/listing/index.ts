export type { IgnoredLine, ListingEntry, ListingParseResult } from './listing-types.ts';
export { parseListing, looksLikeListing } from './parse-listing.ts';
