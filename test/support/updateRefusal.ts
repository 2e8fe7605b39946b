/** The message of the refusal an Update met (its cause: the validator's or the handler's failure); fails if it was accepted. */
export const refusalOf = (update: Promise<unknown>) =>
  update.then(
    () => {
      throw new Error('expected the update to be refused');
    },
    (e: { cause?: { message?: string } }) => e.cause?.message ?? '',
  );
