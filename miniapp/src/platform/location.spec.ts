import * as taro from '../../test/taro-mock';
import { currentLocation as h5Location } from './location.h5';
import { currentLocation as weappLocation } from './location.weapp';

beforeEach(() => taro.resetTaroMock());

describe('location (weapp)', () => {
  it("gives WeChat's answer", async () => {
    await expect(weappLocation()).resolves.toEqual({ latitude: 30.27415, longitude: 120.15515 });
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
  });

  it('is null when refused', async () => {
    taro.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' });
    await expect(weappLocation()).resolves.toBeNull();
  });

  it('never holds the caller up beyond the timeout', async () => {
    taro.getLocation.mockImplementationOnce(() => new Promise(() => undefined));
    await expect(weappLocation(20)).resolves.toBeNull();
  });
});

describe('location (H5)', () => {
  afterEach(() => Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined }));

  it('is null without a geolocation API', async () => {
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
    await expect(h5Location()).resolves.toBeNull();
  });

  it("gives the browser's answer, or null when it never comes", async () => {
    const getCurrentPosition = jest.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 1.5, longitude: 2.5 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    await expect(h5Location()).resolves.toEqual({ latitude: 1.5, longitude: 2.5 });

    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: () => undefined },
    });
    await expect(h5Location(20)).resolves.toBeNull();
  });
});
