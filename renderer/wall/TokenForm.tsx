import { useState, type FormEvent } from 'react';
import { messages } from '../../shared/i18n';

/** Asks for the wall token (Vietnamese first, English second); says so when one was rejected. */
export function TokenForm({ rejected, screenId, onSubmit }: { rejected: boolean; screenId: string; onSubmit: (token: string) => void }) {
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = value.trim();
    if (!token) {
      setEmpty(true);
      return;
    }
    setValue('');
    onSubmit(token);
  };

  const problem = empty ? messages.tokenEmpty : rejected ? messages.tokenRejected : null;
  return (
    <div className="token-page" data-screen-id={screenId}>
      <form className="token-form" onSubmit={submit} noValidate aria-labelledby="token-title">
        <h1 id="token-title">{messages.tokenTitle.vi}</h1>
        <p className="en" lang="en">
          {messages.tokenTitle.en}
        </p>
        <p>{messages.tokenHelp.vi}</p>
        <p className="en" lang="en">
          {messages.tokenHelp.en}
        </p>
        {problem ? (
          <div className="token-form__error" role="alert" data-field="token-error">
            <p>{problem.vi}</p>
            <p className="en" lang="en">
              {problem.en}
            </p>
          </div>
        ) : null}
        <label htmlFor="toancanh-token">
          {messages.tokenLabel.vi} <span className="en">/ {messages.tokenLabel.en}</span>
        </label>
        <input
          id="toancanh-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setEmpty(false);
          }}
        />
        <button type="submit">
          {messages.tokenSubmit.vi} <span className="en">/ {messages.tokenSubmit.en}</span>
        </button>
      </form>
    </div>
  );
}
