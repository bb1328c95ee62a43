/** One subscribe-message template offered on the consent sheet. */
export interface SubscribeChoice {
  /** Names the choice (H5 checkbox `subscribe-template-${key}`). */
  key: string
  /** What the resident is asked about (H5 stand-in only: WeChat shows the template's own title). */
  label: string
  templateId: string
}
