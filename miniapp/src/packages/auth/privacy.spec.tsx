import { render, screen } from '@testing-library/react';
import { residentLogin, residentView } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { activeResident, getResidentToken, saveResidentLogin } from '../../services/resident-session';
import PrivacyPage from './privacy';

beforeEach(() => {
  taro.resetTaroMock();
  saveResidentLogin(residentLogin({ privacyConsentedAt: null }));
});

describe('privacy guide', () => {
  it('says what is collected, why, for how long and how to delete it; read-only from 我的', () => {
    render(<PrivacyPage />);
    for (const words of ['微信身份', '手机号', '户号', '地址', '照片', '保存多久', '注销微信身份']) {
      expect(screen.getAllByText(new RegExp(words)).length).toBeGreaterThan(0);
    }
    expect(document.getElementById('privacy-agree')).toBeNull();
  });

  it('同意并继续 records the consent and goes on', async () => {
    taro.setRouterParams({ consent: '1' });
    serve({ 'POST /api/me/privacy-consent': () => answer(200, residentView()) });
    render(<PrivacyPage />);

    await tap('privacy-agree');

    expect(sent()).toEqual(['POST /api/me/privacy-consent']);
    expect(activeResident()?.privacyConsentedAt).toBeTruthy();
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('不同意 calls nothing, forgets the local session and goes home', async () => {
    taro.setRouterParams({ consent: '1' });
    render(<PrivacyPage />);

    await tap('privacy-decline');

    expect(taro.request).not.toHaveBeenCalled();
    expect(getResidentToken()).toBeNull();
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});
