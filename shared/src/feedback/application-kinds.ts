/** Business applications (业务办理) a resident files from the miniapp. */
export enum ApplicationKind {
  OpenAccount = 'open_account',
  Transfer = 'transfer',
  StopGas = 'stop_gas',
  RestoreGas = 'restore_gas',
  StopHeating = 'stop_heating',
  RestoreHeating = 'restore_heating',
}

/** The documents (photos) an application can carry. */
export enum ApplicationDocument {
  IdCard = 'id_card',
  PropertyCertificate = 'property_certificate',
  TransferContract = 'transfer_contract',
  PreviousHolderConsent = 'previous_holder_consent',
  ArrearsReceipt = 'arrears_receipt',
}

export const APPLICATION_DOCUMENT_LABELS: Record<ApplicationDocument, string> = {
  [ApplicationDocument.IdCard]: '申请人身份证',
  [ApplicationDocument.PropertyCertificate]: '房产证或购房合同',
  [ApplicationDocument.TransferContract]: '房屋买卖或赠与合同',
  [ApplicationDocument.PreviousHolderConsent]: '原户主同意书',
  [ApplicationDocument.ArrearsReceipt]: '欠费结清凭证',
};

export interface ApplicationField {
  key: string;
  label: string;
  required: boolean;
  /** Checked against the trimmed value; the message says what is expected. */
  pattern?: RegExp;
  patternMessage?: string;
  maxLength: number;
  /** 'date' fields are YYYY-MM-DD (Shanghai calendar date). */
  input: 'text' | 'phone' | 'date' | 'id_number';
}

export interface ApplicationKindDefinition {
  kind: ApplicationKind;
  label: string;
  /** Every required document needs at least one photo. */
  documents: readonly ApplicationDocument[];
  fields: readonly ApplicationField[];
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const applicant: ApplicationField = {
  key: 'applicantName',
  label: '申请人姓名',
  required: true,
  maxLength: 50,
  input: 'text',
};
const phone: ApplicationField = {
  key: 'phone',
  label: '联系电话',
  required: true,
  pattern: PHONE,
  patternMessage: '请输入有效的手机号或固定电话',
  maxLength: 20,
  input: 'phone',
};
const idNumber: ApplicationField = {
  key: 'idNumber',
  label: '身份证号',
  required: true,
  pattern: ID_NUMBER,
  patternMessage: '身份证号应为18位',
  maxLength: 18,
  input: 'id_number',
};
const date = (key: string, label: string): ApplicationField => ({
  key,
  label,
  required: true,
  pattern: DATE,
  patternMessage: '日期格式应为YYYY-MM-DD',
  maxLength: 10,
  input: 'date',
});
const reason: ApplicationField = { key: 'reason', label: '申请原因', required: false, maxLength: 500, input: 'text' };

const define = (
  kind: ApplicationKind,
  label: string,
  documents: ApplicationDocument[],
  fields: ApplicationField[],
): ApplicationKindDefinition => ({ kind, label, documents, fields });

export const APPLICATION_KINDS: Readonly<Record<ApplicationKind, ApplicationKindDefinition>> = {
  [ApplicationKind.OpenAccount]: define(
    ApplicationKind.OpenAccount,
    '开户',
    [ApplicationDocument.IdCard, ApplicationDocument.PropertyCertificate],
    [applicant, idNumber, phone],
  ),
  [ApplicationKind.Transfer]: define(
    ApplicationKind.Transfer,
    '过户',
    [
      ApplicationDocument.IdCard,
      ApplicationDocument.PropertyCertificate,
      ApplicationDocument.TransferContract,
      ApplicationDocument.PreviousHolderConsent,
    ],
    [{ ...applicant, key: 'newHolderName', label: '新户主姓名' }, idNumber, phone],
  ),
  [ApplicationKind.StopGas]: define(
    ApplicationKind.StopGas,
    '停气',
    [ApplicationDocument.IdCard],
    [applicant, phone, date('from', '停气日期'), reason],
  ),
  [ApplicationKind.RestoreGas]: define(
    ApplicationKind.RestoreGas,
    '复气',
    [ApplicationDocument.IdCard, ApplicationDocument.ArrearsReceipt],
    [applicant, phone, date('from', '复气日期')],
  ),
  [ApplicationKind.StopHeating]: define(
    ApplicationKind.StopHeating,
    '停热',
    [ApplicationDocument.IdCard],
    [applicant, phone, date('from', '停热日期'), reason],
  ),
  [ApplicationKind.RestoreHeating]: define(
    ApplicationKind.RestoreHeating,
    '复热',
    [ApplicationDocument.IdCard, ApplicationDocument.ArrearsReceipt],
    [applicant, phone, date('from', '复热日期')],
  ),
};

export interface ApplicationProblem {
  path: string;
  message: string;
}

/** What is missing or wrong in an application's fields and documents; empty when it may be filed. */
export function applicationProblems(
  kind: ApplicationKind,
  fields: Record<string, string>,
  photos: Partial<Record<ApplicationDocument, readonly number[]>>,
): ApplicationProblem[] {
  const def = APPLICATION_KINDS[kind];
  const problems: ApplicationProblem[] = [];
  const known = new Set(def.fields.map((f) => f.key));
  for (const key of Object.keys(fields))
    if (!known.has(key)) problems.push({ path: `fields.${key}`, message: '不支持的字段' });
  for (const f of def.fields) {
    const value = (fields[f.key] ?? '').trim();
    if (!value) {
      if (f.required) problems.push({ path: `fields.${f.key}`, message: `请填写${f.label}` });
      continue;
    }
    if (value.length > f.maxLength)
      problems.push({ path: `fields.${f.key}`, message: `${f.label}最多${f.maxLength}个字` });
    else if (f.pattern && !f.pattern.test(value))
      problems.push({ path: `fields.${f.key}`, message: f.patternMessage ?? `${f.label}格式不正确` });
  }
  for (const doc of Object.keys(photos) as ApplicationDocument[]) {
    if (!def.documents.includes(doc)) problems.push({ path: `photoIds.${doc}`, message: '此业务不需要该材料' });
  }
  for (const doc of def.documents) {
    if (!photos[doc]?.length)
      problems.push({ path: `photoIds.${doc}`, message: `请上传${APPLICATION_DOCUMENT_LABELS[doc]}照片` });
  }
  return problems;
}
