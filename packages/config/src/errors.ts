/** Thrown when a setting has a value the pipeline cannot use. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';

  constructor(readonly problems: string[]) {
    super(`invalid settings: ${problems.join('; ')}`);
  }
}
