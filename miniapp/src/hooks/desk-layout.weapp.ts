/** The mini-program runs on phones in the field: always the phone layout. */
export function useDeskLayout(): boolean {
  return false;
}
