/** 13812345678 → 138****5678; landlines keep the area code and last 4. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 110101199001011234 → 110***********1234 (docs/domain.md#personal-data). */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** 张三丰 → 张** : the holder's surname stays for recognition. */
export function maskName(name: string): string {
  if (name.length <= 1) return name;
  return name.slice(0, 1) + '*'.repeat(name.length - 1);
}

/** 幸福路12号3单元501 → 幸福路******* : enough to recognise the street, not the door (代缴). */
export function maskAddress(address: string): string {
  const chars = [...address];
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(4, chars.length - keep));
}
