/** A sync that did not answer in time (Excel on the web can hang): shown to the user, in Chinese first. */
export class HostTimeoutError extends Error {
  constructor(readonly action: string, readonly seconds: number) {
    super(`Excel 在 ${seconds} 秒内没有响应（${action}）。请稍后重试；如果反复出现，请保存并重新打开工作簿。Excel did not answer within ${seconds} s (${action}).`);
  }
}
