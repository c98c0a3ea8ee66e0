/** A reason the stack cannot start, said in one sentence with what to do about it. */
export class StackError extends Error {
  override readonly name = 'StackError'
}
