// What is left where someone's words were once a record's retention period has passed, in columns
// that must not be empty.
export const removedText = 'Removed under the council’s retention policy';
