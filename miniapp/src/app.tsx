import type { PropsWithChildren } from 'react';
import './app.scss';

// Pages render as children; the app shell itself has no UI.
export default function App({ children }: PropsWithChildren) {
  return children;
}
