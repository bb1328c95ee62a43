/**
 * One code per failure the client can act on. The server answers `{ code, message }`;
 * the miniapp branches on `code` and shows `message` (Chinese, for the person using it).
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  BadCredentials = 'BAD_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  TicketAlreadyClaimed = 'TICKET_ALREADY_CLAIMED',
  TransitionNotAllowed = 'TRANSITION_NOT_ALLOWED',
  AssigneeNotEligible = 'ASSIGNEE_NOT_ELIGIBLE',
  QueueEmpty = 'QUEUE_EMPTY',
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  RateLimited = 'RATE_LIMITED',
  Conflict = 'CONFLICT',
  BindMismatch = 'BIND_MISMATCH',
  BindingLimit = 'BINDING_LIMIT',
  WechatCodeInvalid = 'WECHAT_CODE_INVALID',
  WechatUnavailable = 'WECHAT_UNAVAILABLE',
  PrivacyConsentRequired = 'PRIVACY_CONSENT_REQUIRED',
  ReadingExists = 'READING_EXISTS',
  ImportRejected = 'IMPORT_REJECTED',
  BillAlreadyPaid = 'BILL_ALREADY_PAID',
  PaymentUnavailable = 'PAYMENT_UNAVAILABLE',
  NoticeRejected = 'NOTICE_REJECTED',
  RefundNotAllowed = 'REFUND_NOT_ALLOWED',
  NotReady = 'NOT_READY',
  PhotoTypeNotAllowed = 'PHOTO_TYPE_NOT_ALLOWED',
  PhotoTooLarge = 'PHOTO_TOO_LARGE',
  PhotoUnreadable = 'PHOTO_UNREADABLE',
  TooManyPhotos = 'TOO_MANY_PHOTOS',
  PhotoNotFound = 'PHOTO_NOT_FOUND',
  FaultCategoryInvalid = 'FAULT_CATEGORY_INVALID',
  TicketTypeMismatch = 'TICKET_TYPE_MISMATCH',
  TemperatureRequired = 'TEMPERATURE_REQUIRED',
  Internal = 'INTERNAL',
  TradeBillNotReady = 'TRADE_BILL_NOT_READY',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: '提交的信息有误，请检查后重试',
  [ErrorCode.Unauthenticated]: '登录已过期，请重新登录',
  [ErrorCode.BadCredentials]: '用户名或密码错误',
  [ErrorCode.Forbidden]: '您没有权限进行此操作',
  [ErrorCode.NotFound]: '未找到相关记录',
  [ErrorCode.TicketAlreadyClaimed]: '该工单已被他人领取',
  [ErrorCode.TransitionNotAllowed]: '当前工单状态不允许此操作',
  [ErrorCode.AssigneeNotEligible]: '该人员不能处理此队列的工单',
  [ErrorCode.QueueEmpty]: '队列中暂无可领取的工单',
  [ErrorCode.AccountNotFound]: '户号不存在',
  [ErrorCode.IdempotencyKeyReused]: '重复提交的内容不一致，请刷新后重试',
  [ErrorCode.RateLimited]: '操作过于频繁，请稍后再试',
  [ErrorCode.Conflict]: '数据已被修改，请刷新后重试',
  [ErrorCode.BindMismatch]: '户号与户主姓名不匹配，请核对后重试',
  [ErrorCode.BindingLimit]: '最多可绑定10个户号',
  [ErrorCode.WechatCodeInvalid]: '微信授权已失效，请重新登录',
  [ErrorCode.WechatUnavailable]: '微信服务暂不可用，请稍后再试',
  [ErrorCode.PrivacyConsentRequired]: '请先阅读并同意《隐私保护指引》',
  [ErrorCode.ReadingExists]: '该户号当天已有抄表读数',
  [ErrorCode.ImportRejected]: '导入文件有错误，未导入任何数据，请按报告修改后重新上传',
  [ErrorCode.BillAlreadyPaid]: '该账单已缴清，无需重复缴费',
  [ErrorCode.PaymentUnavailable]: '微信支付暂不可用，请稍后再试',
  [ErrorCode.NoticeRejected]: '通知验证失败',
  [ErrorCode.RefundNotAllowed]: '该笔缴费不能退款',
  [ErrorCode.NotReady]: '服务暂不可用，请稍后再试',
  [ErrorCode.PhotoTypeNotAllowed]: '仅支持 JPG、PNG、WebP、HEIC 格式的照片',
  [ErrorCode.PhotoTooLarge]: '照片太大，请压缩后重新上传',
  [ErrorCode.PhotoUnreadable]: '无法识别该照片，请重新拍摄或选择其他照片',
  [ErrorCode.TooManyPhotos]: '最多可上传6张照片',
  [ErrorCode.PhotoNotFound]: '照片不存在或已失效，请重新上传',
  [ErrorCode.FaultCategoryInvalid]: '该户号不支持此报修类别，请重新选择',
  [ErrorCode.TicketTypeMismatch]: '该类工单不能进行此操作',
  [ErrorCode.TemperatureRequired]: '请先记录室温测量结果，再完成工单',
  [ErrorCode.Internal]: '系统繁忙，请稍后再试',
  [ErrorCode.TradeBillNotReady]: '该日的微信支付对账单尚未生成，请次日上午10点后再对账',
};

/** The wire shape of every error response. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for VALIDATION_FAILED. */
  details?: { path: string; message: string }[];
}
