import { browser } from 'wxt/browser';
import type { Request, RequestType, ResponseData } from './protocol';
import type { Response } from './protocol';

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sends one request to the background (the single writer) and unwraps its answer. */
export async function ask<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResponseData<T>> {
  const response = (await browser.runtime.sendMessage(request)) as Response<T> | undefined;
  if (!response) throw new BackgroundError('no-response', 'DocTrail background did not answer');
  if (!response.ok) throw new BackgroundError(response.error.code, response.error.message);
  return response.data;
}
