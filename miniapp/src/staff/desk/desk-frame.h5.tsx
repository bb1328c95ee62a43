import Taro from '@tarojs/taro';
import { useEffect, type ComponentType, type ReactNode } from 'react';
import { useDeskLayout } from '../../hooks/desk-layout';
import { DeskShell, useDeskNav } from './desk-shell.h5';
import './desk-frame.scss';

interface FrameProps {
  /** The navigation entry it is (`notifications`, `admin-org`…; desk-shell.h5.tsx). */
  id: string;
  title: string;
  children: ReactNode;
}

function Framed({ id, title, children }: FrameProps) {
  const nav = useDeskNav();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title });
  }, [title]);
  // Not signed in: the page itself (it sends the visitor to sign in).
  if (!nav.staff) return <>{children}</>;
  return (
    <DeskShell nav={{ ...nav, staff: nav.staff }} active={id}>
      <div id={`desk-page-${id}`} className="desk-frame">
        <header className="desk-panel__head">
          <h1 id="desk-page-title" className="desk-panel__title">
            {title}
          </h1>
        </header>
        <div className="desk-frame__body">{children}</div>
      </div>
    </DeskShell>
  );
}

/** Signing in at a desk: the form at a desk's scale, centred, without the navigation. */
function Bare({ title, children }: Omit<FrameProps, 'id'>) {
  return (
    <div id="desk-login" className="desk desk--bare">
      <div className="desk-frame desk-frame--bare">
        <header className="desk-panel__head">
          <div className="desk-nav__brand desk-frame__brand">智慧燃气·热力 工作台</div>
          <h1 id="desk-page-title" className="desk-panel__title">
            {title}
          </h1>
        </header>
        <div className="desk-frame__body">{children}</div>
      </div>
    </div>
  );
}

/**
 * A staff page that has no desk view of its own, at a desk (≥ 1024 px): inside the console's shell (navigation
 * on the left, the title in full), the phone page at a desk's scale (desk-frame.scss: real pixels, buttons as
 * wide as their words); below 1024 px, the phone page as it is. The mini-program gets the page untouched
 * (desk-frame.weapp.tsx).
 */
export function withDeskFrame<P extends object>(
  Page: ComponentType<P>,
  id: string,
  title: string,
  options: { bare?: boolean } = {},
): ComponentType<P> {
  function DeskFramedPage(props: P) {
    const desk = useDeskLayout();
    if (!desk) return <Page {...props} />;
    if (options.bare)
      return (
        <Bare title={title}>
          <Page {...props} />
        </Bare>
      );
    return (
      <Framed id={id} title={title}>
        <Page {...props} />
      </Framed>
    );
  }
  return DeskFramedPage;
}
