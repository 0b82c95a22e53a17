/** What a bench server process tells its parent. */
export type ServerMessage =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'cpu'; readonly micros: number };

/** What the parent asks a bench server process. */
export type ParentMessage = { readonly type: 'cpu' };
