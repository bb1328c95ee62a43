import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { consentToPrivacy } from '../../services/api/residents';
import { HOME_URL, clearResidentSession, returnTo } from '../../services/resident-session';
import { PrivacyGuide } from './privacy-guide';
import './privacy.scss';

/** The guide; with `?consent=1` (first login) also the choice to agree before any use. */
export default function PrivacyPage() {
  const { params } = useRouter();
  const asking = params.consent === '1';
  const from = params.from ? decodeURIComponent(params.from) : '';
  const [busy, setBusy] = useState(false);

  async function agree() {
    setBusy(true);
    try {
      await consentToPrivacy();
      returnTo(from);
    } catch {
      // Shown by the wrapper; the resident can tap again.
    } finally {
      setBusy(false);
    }
  }

  /** Nothing more is sent: the local session is dropped and the resident is back on home. */
  function decline() {
    clearResidentSession();
    void Taro.switchTab({ url: HOME_URL });
  }

  return (
    <View className="page privacy">
      <Text className="privacy__lead">
        欢迎使用智慧燃气·热力服务。请您仔细阅读以下内容，了解我们如何收集、使用和保护您的个人信息。
      </Text>
      <PrivacyGuide />
      {asking ? (
        <View className="privacy__actions">
          <ActionButton id="privacy-agree" busy={busy} onClick={agree}>
            同意并继续
          </ActionButton>
          <ActionButton id="privacy-decline" tone="secondary" disabled={busy} onClick={decline}>
            不同意
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
